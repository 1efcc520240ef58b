package dev.crosslink.backup;

import dev.crosslink.Http;
import dev.crosslink.ItDatabase;
import dev.crosslink.SeedFeed;
import dev.crosslink.ServerProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT section 12: a site exported from one server and restored into a second, empty database
 * answers every public GET with the same body and the same ETag. Two packaged servers, each on a
 * database of its own; the first gets its content through the API as editors would write it
 * (imports, renames, revisions, drafts, a scheduled post, links), the second only the export.
 */
class BackupRoundTripIT {

    private static final String TOKEN = ServerProcess.ADMIN_TOKEN;

    @Test
    void aRestoredSiteAnswersEveryPublicGetWithTheSameBytesAndEtags() throws Exception {
        Map<String, Answer> source;
        String exported;
        Map<String, String> editorViews;
        try (ServerProcess a = node("backup-a")) {
            write(a);
            source = publicAnswers(a);
            editorViews = editorAnswers(a);
            HttpResponse<String> export = Http.get(a.uri("/api/export"), TOKEN);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            exported = export.body();
        }
        JsonPath document = JsonPath.from(exported);
        assertThat(document.getString("format")).isEqualTo("crosslink-export");
        assertThat(document.getInt("version")).isEqualTo(2);
        assertThat(document.getList("webhooks.url")).containsExactly("https://93.184.215.14/crosslink-hook");
        assertThat(exported).doesNotContain("whsec_");
        assertThat(document.getList("posts")).hasSizeGreaterThanOrEqualTo(13);
        assertThat(exported.length()).isGreaterThan(4 << 20);
        assertThat(document.getList("posts.findAll { it.status == 'draft' }")).isNotEmpty();

        try (ServerProcess b = node("backup-b")) {
            refusedWithNothingWritten(b, exported);

            HttpResponse<String> restored = Http.send(Http.json(b.uri("/api/restore"), TOKEN, "POST", exported));
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            JsonPath report = JsonPath.from(restored.body());
            assertThat(report.getLong("posts")).isEqualTo(document.getList("posts").size());
            assertThat(report.getLong("categories")).isEqualTo(document.getList("categories").size());
            assertThat(report.getLong("revisions")).isGreaterThan(report.getLong("posts"));
            assertThat(report.getString("webhooks[0].secret")).startsWith("whsec_");
            JsonPath hooks = JsonPath.from(Http.get(b.uri("/api/webhooks"), TOKEN).body());
            assertThat(hooks.getString("items[0].id")).isEqualTo(document.getString("webhooks[0].id"))
                    .isEqualTo(report.getString("webhooks[0].id"));
            assertThat(hooks.getList("items[0].events")).containsExactly("ping");

            Map<String, Answer> target = publicAnswers(b);
            assertThat(target.keySet()).isEqualTo(source.keySet());
            for (String path : source.keySet()) {
                assertThat(target.get(path)).as(path).isEqualTo(source.get(path));
            }
            assertThat(editorAnswers(b)).isEqualTo(editorViews);

            // the restored site exports the same document, but for the instant it was taken
            String again = Http.get(b.uri("/api/export"), TOKEN).body();
            assertThat(withoutExportedAt(again)).isEqualTo(withoutExportedAt(exported));

            HttpResponse<String> twice = Http.send(Http.json(b.uri("/api/restore"), TOKEN, "POST", exported));
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(twice.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    /** Malformed documents into the empty site: each a 400 naming what is wrong, and the site stays empty. */
    private static void refusedWithNothingWritten(ServerProcess b, String exported) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode newer = (ObjectNode) json.readTree(exported);
        newer.put("version", 99);
        ObjectNode duplicate = (ObjectNode) json.readTree(exported);
        ArrayNode posts = (ArrayNode) duplicate.get("posts");
        posts.add(posts.get(0).deepCopy()); // the last post repeats the first: found only when it is written
        ObjectNode unknownTag = (ObjectNode) json.readTree(exported);
        ((ArrayNode) unknownTag.get("posts").get(1).get("tags")).add("no-such-tag");
        ObjectNode wrongType = (ObjectNode) json.readTree(exported);
        ((ObjectNode) wrongType.get("posts").get(2)).put("version", "three");
        ObjectNode badSlug = (ObjectNode) json.readTree(exported);
        ((ObjectNode) badSlug.get("categories").get(0)).put("slug", "Not A Slug");
        ObjectNode versionOne = unknownTag.deepCopy(); // version 1 still reads, up to the fault in its posts
        versionOne.put("version", 1);
        versionOne.remove("webhooks");
        ObjectNode badHook = (ObjectNode) json.readTree(exported);
        ((ObjectNode) badHook.get("webhooks").get(0)).put("url", "ftp://example.org/hook");
        ObjectNode scriptGuid = (ObjectNode) json.readTree(exported);
        ((ObjectNode) scriptGuid.get("posts").get(3)).put("guid", "javascript:alert(1)");
        int middle = exported.indexOf("\"posts\"") + (exported.length() - exported.indexOf("\"posts\"")) / 2;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("truncated", exported.substring(0, middle));
        cases.put("newer version", newer.toString());
        cases.put("repeated post", duplicate.toString());
        cases.put("unknown tag", unknownTag.toString());
        cases.put("wrong type", wrongType.toString());
        cases.put("bad slug", badSlug.toString());
        cases.put("script guid", scriptGuid.toString());
        cases.put("version 1", versionOne.toString());
        cases.put("bad webhook", badHook.toString());
        cases.put("array", "[]");
        cases.put("header only", "{\"format\":\"crosslink-export\"}");
        cases.put("not json", "not json");
        Map<String, String> expected = Map.of("newer version", "99", "repeated post", "posts[",
                "unknown tag", "posts[1].tags[", "wrong type", "posts[2].version", "bad slug", "categories[0].slug",
                "script guid", "posts[3].guid", "version 1", "posts[1].tags[", "bad webhook", "webhooks[0].url");
        for (var bad : cases.entrySet()) {
            HttpResponse<String> answer = Http.send(Http.json(b.uri("/api/restore"), TOKEN, "POST", bad.getValue()));
            assertThat(answer.statusCode()).as(bad.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).as(bad.getKey()).doesNotContain("Exception", "SQL", "at dev.", "jackson")
                    .contains(expected.getOrDefault(bad.getKey(), "\"status\":400"));
        }
        for (String list : List.of("/api/posts?status=draft", "/api/posts", "/api/categories", "/api/tags", "/api/webhooks")) {
            assertThat(JsonPath.from(Http.get(b.uri(list), TOKEN).body()).getLong("totalItems")).as(list).isZero();
        }
    }

    private static ServerProcess node(String name) throws Exception {
        ItDatabase db = ItDatabase.fresh(name);
        Map<String, String> env = new HashMap<>(db.env());
        env.put("CMS_AUTH_ADMIN_TOKEN", TOKEN);
        return new ServerProcess(name, db.workDir(), env).start().awaitReady(Duration.ofSeconds(60));
    }

    /** A site with every kind of content the export must carry. */
    private static void write(ServerProcess a) throws Exception {
        HttpResponse<String> imported = Http.send(Http.request(a.uri("/api/import/rss"), TOKEN)
                .header("Content-Type", "application/rss+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SeedFeed.bytes())).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        send(a, "POST", "/api/categories", "{\"name\": \"Distributed Systems\", \"description\": \"Clocks & quorums.\"}", 201);
        send(a, "POST", "/api/categories", "{\"name\": \"Empty\"}", 201);
        // a public address (no private targets here); only pings, so no write sends it anything
        send(a, "POST", "/api/webhooks", "{\"url\": \"https://93.184.215.14/crosslink-hook\", \"events\": [\"ping\"], "
                + "\"description\": \"A receiver elsewhere\"}", 201);
        send(a, "POST", "/api/tags", "{\"name\": \"Listed but unused\"}", 201);
        send(a, "POST", "/api/posts", "{\"title\": \"Beta\", \"slug\": \"beta\", \"markdown\": \"# Beta\\n\\nOn *raft*.\", "
                + "\"status\": \"published\", \"tags\": [\"raft\"], \"publishedAt\": \"2024-05-01T10:00:00Z\"}", 201);
        send(a, "POST", "/api/posts", "{\"title\": \"Alpha\", \"slug\": \"alpha\", \"markdown\": \"Alpha links [beta](/blog/beta), "
                + "[a topic](/topics/distributed-systems), [nothing](/blog/missing) and [out](https://example.org/x).\", "
                + "\"status\": \"published\", \"category\": \"distributed-systems\", \"tags\": [\"consensus\", \"raft\"], "
                + "\"excerpt\": \"A custom excerpt.\"}", 201);
        send(a, "PATCH", "/api/posts/alpha", "{\"title\": \"Alpha, revised\"}", 200);
        send(a, "PUT", "/api/posts/alpha", "{\"title\": \"Alpha, renamed\", \"slug\": \"alpha-renamed\", \"markdown\": "
                + "\"Alpha links [beta](/blog/beta) and [itself](/blog/alpha).\", \"status\": \"published\", "
                + "\"category\": \"distributed-systems\", \"tags\": [\"consensus\", \"raft\"]}", 200);
        send(a, "POST", "/api/posts", "{\"title\": \"Gamma draft\", \"markdown\": \"Not yet: links [alpha](/blog/alpha-renamed).\", "
                + "\"tags\": [\"secret-draft-tag\"]}", 201);
        String later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        send(a, "POST", "/api/posts", "{\"title\": \"Delta scheduled\", \"markdown\": \"Soon.\", \"status\": \"scheduled\", "
                + "\"publishedAt\": \"" + later + "\", \"tags\": [\"raft\"]}", 201);
        send(a, "POST", "/api/posts", "{\"title\": \"Epsilon, unpublished\", \"markdown\": \"Was public once.\", "
                + "\"status\": \"published\"}", 201);
        send(a, "PATCH", "/api/posts/epsilon-unpublished", "{\"status\": \"draft\"}", 200);
        // Long essays: the document is then larger than any other body may be (cms.limits.body-size, 4 MiB)
        String essay = "A paragraph of a long essay about [beta](/blog/beta), with *emphasis* and `code`.\\n\\n".repeat(7_000);
        for (int i = 1; i <= 4; i++) {
            send(a, "POST", "/api/posts", "{\"title\": \"Long essay " + i + "\", \"markdown\": \"" + essay + "\", "
                    + "\"status\": \"published\", \"publishedAt\": \"2023-0" + i + "-01T00:00:00Z\"}", 201);
        }
    }

    private static void send(ServerProcess node, String method, String path, String body, int expected) {
        HttpResponse<String> answer = Http.send(Http.json(node.uri(path), TOKEN, method, body));
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(expected);
    }

    /** What an anonymous reader gets from every public GET of the site. */
    private static Map<String, Answer> publicAnswers(ServerProcess node) {
        Set<String> paths = new LinkedHashSet<>(List.of("/api/posts", "/api/posts?page=2&size=3", "/api/posts?tag=raft",
                "/api/posts?category=distributed-systems", "/api/posts?q=" + URLEncoder.encode("raft consensus", StandardCharsets.UTF_8),
                "/api/posts?sort=title", "/api/categories", "/api/tags", "/rss", "/atom", "/feed.json", "/sitemap.xml",
                "/api/graph", "/api/graph?around=beta&depth=2", "/api/posts/alpha", "/api/posts/gamma-draft"));
        JsonPath posts = JsonPath.from(Http.get(node.uri("/api/posts?size=100"), null).body());
        for (String slug : posts.getList("items.slug", String.class)) {
            for (String suffix : List.of("", "/links", "/backlinks", "/related")) {
                paths.add("/api/posts/" + slug + suffix);
            }
        }
        for (String kind : List.of("categories", "tags")) {
            JsonPath terms = JsonPath.from(Http.get(node.uri("/api/" + kind + "?size=100"), null).body());
            for (String slug : terms.getList("items.slug", String.class)) {
                paths.add("/api/" + kind + "/" + slug);
                for (String feed : List.of("rss", "atom", "feed.json")) {
                    paths.add("/" + feed + "/" + kind + "/" + slug);
                }
            }
        }
        assertThat(paths).hasSizeGreaterThan(50);
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put(path, Answer.of(Http.send(Http.request(node.uri(path), null).GET().build())));
        }
        return answers;
    }

    /** What an editor sees that readers don't: drafts, and the history of a renamed post. */
    private static Map<String, String> editorAnswers(ServerProcess node) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/posts?status=draft&include=markdown", "/api/posts?status=scheduled",
                "/api/posts/alpha-renamed/revisions?include=markdown", "/api/posts/alpha/revisions/2/diff",
                "/api/graph/broken-links", "/api/tags?size=100")) {
            HttpResponse<String> answer = Http.get(node.uri(path), TOKEN);
            answers.put(path, answer.statusCode() + " " + answer.body());
        }
        return answers;
    }

    private static String withoutExportedAt(String document) {
        return document.replaceFirst("\"exportedAt\":\"[^\"]*\"", "\"exportedAt\":\"\"");
    }

    /** Status, the headers a cache or a client validates with, and the bytes. */
    record Answer(int status, String etag, String lastModified, String location, String body) {
        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body());
        }
    }
}
