package dev.crosslink;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What the HTTP tests share: the tokens, and a unique suffix so tests never collide on slugs. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmn";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String editorToken;

    private Api() {
    }

    public static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + COUNTER.incrementAndGet();
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().filter(OpenApiConformance.filter());
    }

    public static RequestSpecification admin() {
        return RestAssured.given().filter(OpenApiConformance.filter()).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public static synchronized RequestSpecification editor() {
        if (editorToken == null) {
            editorToken = admin().contentType(ContentType.JSON)
                    .body(Map.of("name", "test-editor", "role", "editor"))
                    .post("/api/tokens").then().statusCode(201).extract().path("token");
        }
        return RestAssured.given().filter(OpenApiConformance.filter()).header("Authorization", "Bearer " + editorToken);
    }

    /** The editor token itself, for tests that send requests without REST Assured. */
    public static synchronized String editorTokenValue() {
        editor();
        return editorToken;
    }

    public static RequestSpecification editorJson() {
        return editor().contentType(ContentType.JSON);
    }

    /** Creates a published post and returns its slug. */
    public static String publishedPost(String title, String markdown, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("title", title, "markdown", markdown, "status", "published"));
        body.putAll(extra);
        return editorJson().body(body).post("/api/posts").then().statusCode(201).extract().path("slug");
    }

    public static String category(String name) {
        return editorJson().body(Map.of("name", name)).post("/api/categories").then().statusCode(201).extract().path("slug");
    }
}
