package dev.crosslink.auth;

import dev.crosslink.Http;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins revoking each other's token at the same instant: at most one may succeed, so an admin
 * always remains. Its own profile (a fresh database), because the race starts from exactly two admins.
 */
@QuarkusTest
@TestProfile(LastAdminRaceTest.OwnDatabase.class)
class LastAdminRaceTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.site.title", "Last admin race"); // a distinct profile restarts on a cleaned database
        }
    }

    private static final String BOOTSTRAP = "test-admin-token-0123456789abcdefghijklmn";

    private static URI uri(String path) {
        return URI.create("http://localhost:8081" + path);
    }

    @Test
    void adminsRevokingEachOtherAtOnceNeverLeaveNone() throws Exception {
        String first = BOOTSTRAP;
        String firstId = idOf(first, first);
        for (int round = 0; round < 5; round++) {
            HttpResponse<String> made = Http.send(Http.json(uri("/api/tokens"), first, "POST",
                    "{\"name\": \"admin-" + round + "\", \"role\": \"admin\"}"));
            assertThat(made.statusCode()).isEqualTo(201);
            String second = JsonPath.from(made.body()).getString("token");
            String secondId = JsonPath.from(made.body()).getString("id");
            String[] tokens = {first, second};
            String[] victims = {secondId, firstId};
            List<HttpResponse<String>> answers = Http.race(2, i ->
                    Http.request(uri("/api/tokens/" + victims[i]), tokens[i]).DELETE().build());
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round %d", round).containsOnlyOnce(204);
            assertThat(statuses).as("round %d: the other is refused", round).anySatisfy(s -> assertThat(s).isIn(401, 409));
            // whoever survived is still an admin, and the only one
            String survivor = answers.get(0).statusCode() == 204 ? first : second;
            HttpResponse<String> list = Http.get(uri("/api/tokens"), survivor);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JsonPath.from(list.body()).getList("findAll { it.role == 'admin' }")).hasSize(1);
            first = survivor;
            firstId = idOf(survivor, survivor);
        }
    }

    /** The id of the token itself: the one admin token in the list, as there is one at the start of each round. */
    private static String idOf(String token, String asToken) {
        HttpResponse<String> list = Http.get(uri("/api/tokens"), asToken);
        return JsonPath.from(list.body()).getString("find { it.role == 'admin' }.id");
    }
}
