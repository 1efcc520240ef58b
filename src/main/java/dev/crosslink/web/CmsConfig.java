package dev.crosslink.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The typed view of every {@code cms.*} setting (CONTRACT section 1, docs/configuration.md). */
@ConfigMapping(prefix = "cms")
public interface CmsConfig {

    Site site();

    Feed feed();

    Auth auth();

    interface Site {
        String title();

        String description();

        @WithDefault("en-us")
        String language();

        @WithDefault("http://localhost:8080/")
        String url();

        @WithDefault("/blog/{slug}")
        String postPath();

        @WithDefault("/topics/{slug}")
        String categoryPath();

        @WithDefault("/tags/{slug}")
        String tagPath();

        String defaultAuthor();
    }

    interface Feed {
        @WithDefault("20")
        int size();

        /** Cache-Control max-age of feed answers, in seconds. */
        @WithDefault("300")
        int maxAge();
    }

    interface Auth {
        /** The bootstrap admin token; when absent and no admin exists, one is generated at first start. */
        Optional<String> adminToken();
    }
}
