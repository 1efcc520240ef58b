package dev.crosslink.auth;

import dev.crosslink.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.crosslink.Api.admin;
import static dev.crosslink.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthTest {

    private static final Map<String, String> POST = Map.of("title", "t", "markdown", "m");

    @Test
    void writeWithoutTokenIs401WithBearerChallenge() {
        anonymous().contentType(ContentType.JSON).body(POST).post("/api/posts").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void unknownOrMalformedTokenIs401() {
        RestAssured.given().header("Authorization", "Bearer cl_not-a-real-token").contentType(ContentType.JSON)
                .body(POST).post("/api/posts").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON)
                .body(POST).post("/api/posts").then().statusCode(401);
    }

    @Test
    void editorCannotManageTokensButAdminCan() {
        Api.editor().get("/api/tokens").then().statusCode(403).contentType("application/problem+json");
        anonymous().get("/api/tokens").then().statusCode(401);

        var created = admin().contentType(ContentType.JSON).body(Map.of("name", "ci-bot", "role", "editor"))
                .post("/api/tokens").then().statusCode(201)
                .body("token", startsWith("cl_")).body("role", equalTo("editor"))
                .extract().jsonPath();
        String secret = created.getString("token");
        String id = created.getString("id");

        admin().get("/api/tokens").then().statusCode(200)
                .body("id", hasItem(id)).body("token", not(hasItem(secret)))
                .body("find { it.id == '" + id + "' }.token", nullValue());

        // The new token works as an editor...
        RestAssured.given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("title", Api.unique("By bot"), "markdown", "m")).post("/api/posts").then().statusCode(201);
        // ...until it is revoked.
        admin().delete("/api/tokens/" + id).then().statusCode(204);
        RestAssured.given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(POST).post("/api/posts").then().statusCode(401);
    }

    @Test
    void tokenInputIsValidated() {
        admin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "root")).post("/api/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        admin().contentType(ContentType.JSON).body(Map.of("role", "editor")).post("/api/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void lastAdminTokenCannotBeRevoked() {
        String bootstrapId = admin().get("/api/tokens").then().extract()
                .path("find { it.name == 'bootstrap-admin' }.id");
        admin().delete("/api/tokens/" + bootstrapId).then().statusCode(409);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        String secret = admin().contentType(ContentType.JSON).body(Map.of("name", "hashed", "role", "editor"))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        java.util.List<String> stored = new java.util.ArrayList<>();
        try (var connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("select * from api_token")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    stored.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(stored).doesNotContain(secret, Api.ADMIN_TOKEN)
                .contains(ApiToken.hash(secret), ApiToken.hash(Api.ADMIN_TOKEN));
    }
}
