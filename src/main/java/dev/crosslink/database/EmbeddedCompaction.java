package dev.crosslink.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does for an H2 file what H2's own background thread would have done. WRITE_DELAY 0
 * ({@link EmbeddedDurability}) makes every commit durable before it is acknowledged, and it also
 * stops MVStore's background writer, which is where H2 rewrites sparse chunks so that their
 * space is reused. Without that every commit's chunk stayed in the file: 5.1 GB for 10,000 posts
 * whose data compact to 118 MB, 83 GB at 100,000 (docs/benchmarks.md). So, five times a second,
 * the sparsest chunks are rewritten here (MVStore.compact, under H2's store lock, as its
 * housekeeping does), a bounded amount each time, and their space is reused by later commits once
 * H2's retention time has passed (5 s, {@link EmbeddedDurability}). 10,000 generated posts:
 * 5.1 -> 1.1 GB; prose-like posts in EmbeddedFileGrowthIT: half the growth.
 */
@ApplicationScoped
public class EmbeddedCompaction {

    private static final Logger LOG = Logger.getLogger(EmbeddedCompaction.class);
    /** Chunks below this share of live data are rewritten. */
    static final int TARGET_FILL_RATE = 80;
    /** About this much is rewritten per step, so that no step holds writers up for long. */
    static final int BYTES_PER_STEP = 8 * 1024 * 1024;
    /** Steps per round at most: a round stops early once nothing is left below the fill rate. */
    static final int STEPS_PER_ROUND = 50;

    private final DataSource dataSource;
    private final boolean h2;
    private final AtomicBoolean warned = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public EmbeddedCompaction(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.h2 = dbKind.equals("h2");
    }

    void start(@Observes StartupEvent event) {
        if (!h2) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "crosslink-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compactSafely, 200, 200, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * One round of up to STEPS_PER_ROUND steps, until one rewrites nothing. An in-memory database
     * has no file, so nothing. A step gives up at once when a commit holds the store lock; the
     * next round tries again.
     */
    private void compact() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            int steps = 0;
            while (steps < STEPS_PER_ROUND && store.getFileStore() != null && !store.isClosed()
                    && store.compact(TARGET_FILL_RATE, BYTES_PER_STEP)) {
                steps++;
            }
        }
    }

    private void compactSafely() {
        try {
            compact();
        } catch (Exception e) {
            // the next round tries again; an H2 upgrade that moved its internals would fail every round, so say it once
            if (warned.compareAndSet(false, true)) {
                LOG.warnf(e, "H2 compaction failed; the database file may grow faster than its data");
            } else {
                LOG.debugf(e, "H2 compaction round failed");
            }
        }
    }
}
