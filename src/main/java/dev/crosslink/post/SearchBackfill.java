package dev.crosslink.post;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Puts posts written before the search index existed (migration V7) into it, in batches, on a
 * thread of its own after startup, so a large site starts serving at once and its older posts
 * become searchable within minutes. Every later write indexes its post itself (PostService).
 * On several nodes each may index a batch another already did: replacing a post's words is
 * idempotent, and a batch that loses a race is run again by {@code Transactions.write}.
 */
@ApplicationScoped
public class SearchBackfill {

    private static final Logger LOG = Logger.getLogger(SearchBackfill.class);
    static final int BATCH = 200;

    private final PostService posts;

    public SearchBackfill(PostService posts) {
        this.posts = posts;
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::run, "search-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Indexes every unindexed post; returns how many it indexed. */
    int run() {
        int done = 0;
        try {
            // In id order from where the last batch stopped: a post with no word at all ("!!!")
            // stays unindexed, and is passed over instead of being found again forever.
            UUID after = null;
            while (true) {
                List<UUID> batch = posts.indexUnindexed(after, BATCH);
                done += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
                after = batch.get(batch.size() - 1);
            }
            if (done > 0) {
                LOG.infof("search index: %d posts written before it existed are now indexed", done);
            }
        } catch (RuntimeException e) {
            LOG.warnf("search index backfill stopped after %d posts, to be resumed at the next start: %s", done, e.getMessage());
        }
        return done;
    }
}
