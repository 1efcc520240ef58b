package dev.crosslink.feed;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The seed feed's own site, so that links and guids can be compared with the seed's as they are. */
public class SeedSiteProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cms.site.url", "https://joc-thoughts.dev/", "cms.site.title", "joc-thoughts");
    }
}
