package dev.crosslink.post;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * The same model as {@link RelevanceModelTest}, with the threshold walk giving up after its first
 * candidate (cms.search.rank-candidates=1), so every ranking comes from the grouped query the walk
 * falls back to: both ways must order alike.
 */
@QuarkusTest
@TestProfile(RelevanceFallbackTest.WalkGivesUp.class)
class RelevanceFallbackTest extends RelevanceModelTest {

    public static class WalkGivesUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.search.rank-candidates", "1");
        }
    }
}
