package dev.crosslink.post;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.editor;
import static dev.crosslink.Api.editorJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The renderer is bounded (CONTRACT section 3): Markdown that would hold a core for minutes or
 * overflow the stack is a 400 naming markdown, never a 500, and stores nothing; a 1 MiB essay of
 * ordinary prose is a post like any other.
 */
@QuarkusTest
class MarkdownBoundsTest {

    /** Inputs a security review found: minutes of CPU, or a stack overflow, before the bound. */
    private static final Map<String, String> PATHOLOGICAL = Map.of(
            "brackets", "[a]".repeat(66_663),
            "empty brackets", "[]".repeat(100_000),
            "nested quotes", ">".repeat(100_000),
            "stars", "*".repeat(50_000),
            "nested lists", "1. ".repeat(60_000),
            "quoted lists", "> - ".repeat(40_000));

    @Test
    void pathologicalMarkdownIsA400NamingMarkdownAndStoresNothing() {
        PATHOLOGICAL.forEach((name, markdown) -> {
            String title = Api.unique("Pathological");
            long started = System.nanoTime();
            var answer = editorJson().body(Map.of("title", title, "markdown", markdown)).post("/api/posts").then();
            long millis = (System.nanoTime() - started) / 1_000_000;
            int status = answer.extract().statusCode();
            assertThat(status).as(name).isIn(201, 400);
            if (status == 400) {
                answer.contentType("application/problem+json").body("errors.field", hasItem("markdown"));
                editor().get("/api/posts?q=" + title).then().body("totalItems", equalTo(0));
            }
            System.out.printf("pathological %s: %d in %d ms%n", name, status, millis);
            // The contract's bound is 2 s; this only catches a return to minutes on a loaded CI machine.
            assertThat(millis).as("%s took %d ms", name, millis).isLessThan(10_000);
        });
    }

    @Test
    void aMebibyteOfProseIsAccepted() {
        String essay = """
                ## On deadlines

                Consensus protocols are mostly about **when to stop waiting**. A leader that hears
                nothing for a while calls an election; see [the postmortem](/blog/postmortem) and
                the [Raft paper](https://raft.github.io/) for *why* that works.

                - a timeout is a guess about the network
                - a guess can be wrong, so it must be safe to be wrong

                > Every distributed system is a set of deadlines in disguise.
                """;
        StringBuilder markdown = new StringBuilder();
        while (markdown.length() + essay.length() + 2 <= PostInput.MAX_MARKDOWN) {
            markdown.append(essay).append("\n\n");
        }
        assertThat(markdown.length()).isGreaterThan(PostInput.MAX_MARKDOWN - essay.length() - 2);
        String slug = editorJson().body(Map.of("title", Api.unique("Long essay"), "markdown", markdown.toString()))
                .post("/api/posts").then().statusCode(201).extract().path("slug");
        editor().get("/api/posts/" + slug).then().statusCode(200).body("markdown.length()", equalTo(markdown.length()));
    }
}
