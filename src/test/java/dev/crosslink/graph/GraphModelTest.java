package dev.crosslink.graph;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.crosslink.Api.anonymous;
import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A random site built through the API (drafts, renamed posts, links by current and former slugs,
 * to terms, to nothing and to themselves, shared tags and categories), and every post's links,
 * backlinks and related posts compared, for editors and for anonymous readers, with what the rules
 * of docs/graph.md give when computed here by brute force over the whole model. The whole graph
 * is compared with the model too, and every neighbourhood with a walk over the whole graph.
 */
@QuarkusTest
class GraphModelTest {

    private static final int POSTS = 24;

    /** One post as the test wrote it; {@code links} hold "post:slug", "category:slug" or "tag:slug". */
    private record Model(String slug, List<String> formerSlugs, boolean published, String category, List<String> tags,
                         List<String> links) {
        boolean visibleTo(boolean editor) {
            return editor || published;
        }

        boolean answersTo(String slug) {
            return this.slug.equals(slug) || formerSlugs.contains(slug);
        }
    }

    @Test
    void oneNeighbourhoodAnswersWhatTheWholeModelGives() {
        Random random = new Random(20261203);
        String prefix = Api.unique("gm");
        List<String> categories = List.of(Api.category(prefix + " one"), Api.category(prefix + " two"));
        List<String> tags = List.of(prefix + "-a", prefix + "-b", prefix + "-c", prefix + "-d");

        // Posts first (so links can name any of them), then a third renamed: their old slugs become former slugs.
        List<String> slugs = new ArrayList<>();
        List<List<String>> former = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String slug = prefix + "-p" + i;
            editorJson().body(Map.of("title", "Post " + i, "markdown", "empty", "slug", slug)).post("/api/posts")
                    .then().statusCode(201);
            former.add(new ArrayList<>());
            if (i % 3 == 0) {
                editor().contentType("application/merge-patch+json").body(Map.of("slug", slug + "-new"))
                        .patch("/api/posts/" + slug).then().statusCode(200);
                former.get(i).add(slug);
                slug += "-new";
            }
            slugs.add(slug);
        }

        List<Model> site = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            List<String> links = new ArrayList<>();
            StringBuilder markdown = new StringBuilder("Post " + i + ".\n\n");
            for (int n = random.nextInt(6); n > 0; n--) {
                int pick = random.nextInt(10);
                int j = random.nextInt(POSTS);
                String link;
                String href;
                if (pick < 5) { // another post (or this one) by its current slug
                    link = "post:" + slugs.get(j);
                    href = "/blog/" + slugs.get(j);
                } else if (pick < 7 && !former.get(j).isEmpty()) { // by a former slug
                    link = "post:" + former.get(j).get(0);
                    href = "/blog/" + former.get(j).get(0);
                } else if (pick < 8) {
                    String category = categories.get(random.nextInt(categories.size()));
                    link = "category:" + category;
                    href = "/topics/" + category;
                } else if (pick < 9) {
                    String tag = tags.get(random.nextInt(tags.size()));
                    link = "tag:" + tag;
                    href = "/tags/" + tag;
                } else { // nothing has this slug
                    link = "post:" + prefix + "-missing-" + j;
                    href = "/blog/" + prefix + "-missing-" + j;
                }
                links.add(link);
                markdown.append("See [link ").append(links.size()).append("](").append(href).append(").\n\n");
            }
            List<String> postTags = new ArrayList<>(List.of(tags.get(i % tags.size()))); // every tag exists
            tags.stream().filter(t -> !postTags.contains(t) && random.nextInt(4) == 0).forEach(postTags::add);
            String category = random.nextInt(3) == 0 ? null : categories.get(random.nextInt(categories.size()));
            boolean published = random.nextInt(4) != 0;
            Map<String, Object> body = new HashMap<>(Map.of("title", "Post " + i, "markdown", markdown.toString(),
                    "slug", slugs.get(i), "tags", postTags, "status", published ? "published" : "draft"));
            if (category != null) {
                body.put("category", category);
            }
            editorJson().body(body).put("/api/posts/" + slugs.get(i)).then().statusCode(200);
            site.add(new Model(slugs.get(i), former.get(i), published, category, postTags, links));
        }

        for (boolean asEditor : List.of(true, false)) {
            Supplier<RequestSpecification> reader = asEditor ? Api::editor : Api::anonymous;
            for (Model post : site) {
                if (!post.visibleTo(asEditor)) {
                    reader.get().get("/api/posts/" + post.slug() + "/related").then().statusCode(404);
                    reader.get().get("/api/posts/" + post.slug() + "/backlinks").then().statusCode(404);
                    continue;
                }
                String who = (asEditor ? "editor" : "anonymous") + " on " + post.slug();
                List<Map<String, Object>> related = reader.get().get("/api/posts/" + post.slug() + "/related?limit=50")
                        .then().statusCode(200).extract().jsonPath().getList("$");
                List<String> expected = expectedRelated(site, post, asEditor);
                assertThat(related.stream().map(r -> r.get("slug") + "=" + r.get("score")).toList()).as(who)
                        .isEqualTo(expected);
                // a short list is the long one's head: what it leaves unread could not have made it
                for (int limit : List.of(1, 3, 6, 10)) {
                    List<String> top = reader.get().get("/api/posts/" + post.slug() + "/related?limit=" + limit).then()
                            .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                            .map(r -> r.get("slug") + "=" + r.get("score")).toList();
                    assertThat(top).as(who + ", limit " + limit).isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
                }
                List<String> backlinks = reader.get().get("/api/posts/" + post.slug() + "/backlinks")
                        .then().statusCode(200).extract().jsonPath().getList("slug");
                assertThat(backlinks).as(who).isEqualTo(expectedBacklinks(site, post, asEditor));
                List<Boolean> broken = reader.get().get("/api/posts/" + post.slug() + "/links")
                        .then().statusCode(200).extract().jsonPath().getList("broken");
                assertThat(broken).as(who).isEqualTo(post.links().stream().map(l -> resolve(site, l, asEditor) == null).toList());
            }
        }
        for (boolean asEditor : List.of(true, false)) {
            Supplier<RequestSpecification> reader = asEditor ? Api::editor : Api::anonymous;
            // the whole graph, restricted to this test's nodes (other tests' posts share the database)
            JsonPath whole = reader.get().get("/api/graph").then().statusCode(200).extract().jsonPath();
            Set<String> nodes = new TreeSet<>(whole.<String>getList("nodes.id").stream().filter(id -> id.contains(prefix)).toList());
            Set<String> edges = edges(whole).stream().filter(e -> e.contains(prefix)).collect(Collectors.toCollection(TreeSet::new));
            assertThat(nodes).as("nodes, editor " + asEditor).isEqualTo(expectedNodes(site, categories, asEditor));
            assertThat(edges).as("edges, editor " + asEditor).isEqualTo(expectedEdges(site, asEditor));
            // a neighbourhood is what a walk over the whole graph's edges, both ways, reaches
            for (Model post : site.stream().filter(p -> p.visibleTo(asEditor)).toList()) {
                for (int depth = 1; depth <= 2; depth++) {
                    for (String types : List.of("links_to,in_category,tagged", "links_to")) {
                        Set<String> allowed = Set.of(types.split(","));
                        Set<String> walkable = edges.stream().filter(e -> allowed.contains(e.substring(e.lastIndexOf(' ') + 1)))
                                .collect(Collectors.toSet());
                        JsonPath around = reader.get().get("/api/graph?around=" + post.slug() + "&depth=" + depth + "&types=" + types)
                                .then().statusCode(200).extract().jsonPath();
                        Set<String> reached = walk(walkable, "post:" + post.slug(), depth);
                        String who = post.slug() + " depth " + depth + " " + types + ", editor " + asEditor;
                        assertThat(new TreeSet<>(around.<String>getList("nodes.id"))).as(who).isEqualTo(reached);
                        assertThat(new TreeSet<>(edges(around))).as(who).isEqualTo(walkable.stream()
                                .filter(e -> reached.contains(e.split(" ")[0]) && reached.contains(e.split(" ")[1]))
                                .collect(Collectors.toCollection(TreeSet::new)));
                    }
                }
            }
        }
        assertThat(site.stream().filter(p -> !p.published())).as("the model has drafts").isNotEmpty();
        assertThat(site.stream().flatMap(p -> p.links().stream())
                .anyMatch(l -> site.stream().anyMatch(q -> q.formerSlugs().contains(l.substring(5)))))
                .as("some link names a former slug").isTrue();
    }

    /** "source target type" for every edge of a graph answer. */
    private static List<String> edges(JsonPath graph) {
        return graph.<Map<String, String>>getList("edges").stream()
                .map(e -> e.get("source") + " " + e.get("target") + " " + e.get("type")).toList();
    }

    private static Set<String> walk(Set<String> edges, String start, int depth) {
        Set<String> reached = new TreeSet<>(Set.of(start));
        Set<String> step = Set.of(start);
        for (int d = 0; d < depth; d++) {
            Set<String> next = new HashSet<>();
            for (String edge : edges) {
                String[] parts = edge.split(" ");
                if (step.contains(parts[0])) {
                    next.add(parts[1]);
                }
                if (step.contains(parts[1])) {
                    next.add(parts[0]);
                }
            }
            next.removeAll(reached);
            reached.addAll(next);
            step = next;
        }
        return reached;
    }

    private static Set<String> expectedNodes(List<Model> site, List<String> categories, boolean editor) {
        Set<String> nodes = new TreeSet<>();
        site.stream().filter(p -> p.visibleTo(editor)).forEach(p -> nodes.add("post:" + p.slug()));
        categories.forEach(c -> nodes.add("category:" + c)); // made through their endpoint: listed
        // tags made by posts are shown to anyone else only once a public post has them
        site.stream().filter(p -> p.visibleTo(editor)).flatMap(p -> p.tags().stream()).forEach(t -> nodes.add("tag:" + t));
        if (editor) {
            site.stream().flatMap(p -> p.tags().stream()).forEach(t -> nodes.add("tag:" + t));
        }
        return nodes;
    }

    private static Set<String> expectedEdges(List<Model> site, boolean editor) {
        Set<String> edges = new TreeSet<>();
        for (Model post : site.stream().filter(p -> p.visibleTo(editor)).toList()) {
            String from = "post:" + post.slug();
            post.links().stream().map(l -> resolve(site, l, editor)).filter(Objects::nonNull)
                    .forEach(target -> edges.add(from + " " + target + " links_to"));
            if (post.category() != null) {
                edges.add(from + " category:" + post.category() + " in_category");
            }
            post.tags().forEach(t -> edges.add(from + " tag:" + t + " tagged"));
        }
        return edges;
    }

    /** What a link names for this reader: "post:current-slug", "category:x", "tag:x", or null when broken. */
    private static String resolve(List<Model> site, String link, boolean editor) {
        String slug = link.substring(link.indexOf(':') + 1);
        if (link.startsWith("post:")) {
            return site.stream().filter(p -> p.answersTo(slug) && p.visibleTo(editor)).findFirst()
                    .map(p -> "post:" + p.slug()).orElse(null);
        }
        // both categories were made through their endpoint; a tag exists once a post has it
        boolean exists = link.startsWith("category:") || site.stream().anyMatch(p -> p.tags().contains(slug));
        return exists ? link : null;
    }

    /** The targets a post links to, itself left out (a set: two links to one target count once). */
    private static Set<String> outbound(List<Model> site, Model post, boolean editor) {
        Set<String> out = new HashSet<>();
        for (String link : post.links()) {
            String target = resolve(site, link, editor);
            if (target != null && !target.equals("post:" + post.slug())) {
                out.add(target);
            }
        }
        return out;
    }

    private static List<String> expectedRelated(List<Model> site, Model post, boolean editor) {
        List<Model> visible = site.stream().filter(p -> p.visibleTo(editor)).toList();
        Map<Model, Set<String>> out = new LinkedHashMap<>();
        visible.forEach(p -> out.put(p, outbound(site, p, editor)));
        Set<String> mine = out.get(post);
        Set<Model> myBacklinks = new HashSet<>();
        visible.stream().filter(p -> out.get(p).contains("post:" + post.slug())).forEach(myBacklinks::add);
        Map<String, Integer> scores = new HashMap<>();
        for (Model other : visible) {
            if (other == post) {
                continue;
            }
            Set<String> theirs = out.get(other);
            int score = (mine.contains("post:" + other.slug()) ? 3 : 0) + (theirs.contains("post:" + post.slug()) ? 3 : 0);
            score += 2 * (int) theirs.stream().filter(mine::contains).count();
            score += (int) visible.stream().filter(s -> myBacklinks.contains(s) && out.get(s).contains("post:" + other.slug())).count();
            score += (int) other.tags().stream().filter(post.tags()::contains).count();
            score += post.category() != null && post.category().equals(other.category()) ? 1 : 0;
            if (score > 0) {
                scores.put(other.slug(), score);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> expectedBacklinks(List<Model> site, Model post, boolean editor) {
        return site.stream().filter(p -> p.visibleTo(editor))
                .filter(p -> p.links().stream().anyMatch(l -> ("post:" + post.slug()).equals(resolve(site, l, editor))))
                .map(Model::slug).sorted(Comparator.naturalOrder()).toList();
    }
}
