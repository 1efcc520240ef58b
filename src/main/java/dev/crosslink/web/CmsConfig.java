package dev.crosslink.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The typed view of every {@code cms.*} setting (CONTRACT section 1, docs/configuration.md). */
@ConfigMapping(prefix = "cms")
public interface CmsConfig {

    Site site();

    Feed feed();

    Auth auth();

    Limits limits();

    Cache cache();

    Search search();

    Revisions revisions();

    Preview preview();

    Sitemap sitemap();

    Webhooks webhooks();

    Websub websub();

    interface Websub {
        /** A WebSub hub (CONTRACT section 5): feeds then name it, and publications ping it. */
        Optional<String> hub();
    }

    interface Webhooks {
        /** How long one delivery attempt may take, connecting included. */
        @WithDefault("10s")
        java.time.Duration timeout();

        /** Whether targets on loopback, link-local or private addresses are allowed (tests, closed networks). */
        @WithDefault("false")
        boolean allowPrivate();

        /** The gap before the first retry; each further one doubles, up to max-backoff. */
        @WithDefault("5s")
        java.time.Duration initialBackoff();

        @WithDefault("4h")
        java.time.Duration maxBackoff();

        /** How long after its event a delivery is still retried. */
        @WithDefault("24h")
        java.time.Duration retryFor();

        /** How often each node looks for due deliveries (a write also wakes its own node at once). */
        @WithDefault("1s")
        java.time.Duration pollInterval();
    }

    interface Sitemap {
        /** URLs in one sitemap file; past that /sitemap.xml is an index (the protocol allows 50,000). */
        @WithDefault("50000")
        int urlsPerFile();
    }

    interface Preview {
        /** How long a preview token opens its post (CONTRACT section 10). */
        @WithDefault("1h")
        java.time.Duration ttl();
    }

    interface Revisions {
        /** How many revisions each post keeps; past that the oldest are deleted (CONTRACT section 10). */
        @WithDefault("50")
        int keep();
    }

    interface Search {
        /**
         * Past how many posts a search word counts as common: a search then probes the posts it
         * considers for the word, in list order, instead of reading all the word's posts.
         */
        @WithDefault("1000")
        int commonWordPosts();

        /**
         * How many of a search's matches can be reached: a search counts its matches up to here
         * (past it, totalItems says this many and totalItemsExact false), and its pages end here.
         */
        @WithDefault("1000")
        int maxResults();

        /** Ranking by relevance: how many of each word's heaviest posts its walk reads first (it doubles from there). */
        @WithDefault("64")
        int rankBatch();

        /**
         * Ranking by relevance: past this many candidates the walk gives up and every match is
         * ranked in one grouped query (many equal scores, or a narrow filter, make walks long).
         */
        @WithDefault("20000")
        int rankCandidates();
    }

    interface Cache {
        /** The byte budget of the anonymous response cache; the least recently used entries go first. */
        @WithDefault("64M")
        MemorySize maxSize();

        /** PostgreSQL: how often a node compares its cache with the stored content generation. */
        @WithDefault("1s")
        java.time.Duration generationCheck();

        /** PostgreSQL: a direct URL for LISTEN when the datasource URL goes through a transaction-mode pooler. */
        Optional<String> listenUrl();
    }

    interface Limits {
        /** The largest request body accepted; larger ones are a 413 problem. */
        @WithDefault("4M")
        MemorySize bodySize();

        /**
         * The time one Markdown render may take before the write is refused with a 400 naming
         * markdown; a 1 MiB essay of prose renders in a fraction of it (docs/security.md).
         */
        @WithDefault("4s")
        java.time.Duration renderTime();

        /**
         * The largest export document POST /api/restore takes: it is read as a stream, so this
         * bounds the time and the transaction, not the heap (docs/backup.md).
         */
        @WithDefault("2G")
        MemorySize restoreSize();

        /** How long the restore's one transaction may run. */
        @WithDefault("1h")
        java.time.Duration restoreTime();
    }

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

        /** The Cache-Control of feeds and of the sitemap, which are served the same way. */
        default String cacheControl() {
            return "public, max-age=" + maxAge();
        }
    }

    interface Auth {
        /** The bootstrap admin token; when absent and no admin exists, one is generated at first start. */
        Optional<String> adminToken();

        Failures failures();
    }

    /** Bad tokens one client may send before it is answered 429 (docs/security.md). */
    interface Failures {
        /** Bad tokens within the window that are still answered 401; the next is a 429. */
        @WithDefault("10")
        int limit();

        @WithDefault("1m")
        java.time.Duration window();

        /** How long a client that passed the limit is answered 429, whatever token it sends. */
        @WithDefault("1m")
        java.time.Duration block();
    }
}
