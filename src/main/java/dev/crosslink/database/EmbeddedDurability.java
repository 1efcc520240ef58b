package dev.crosslink.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * H2 acknowledges a commit before writing it unless told otherwise (its WRITE_DELAY, 500 ms by
 * default), so a 201 could be lost to a kill -9. The default URL says WRITE_DELAY=0; this makes
 * sure of it for any URL an operator gives (the setting is stored in the database file).
 *
 * <p>It also shortens how long H2 keeps a chunk after its last live page left it (RETENTION_TIME,
 * 45 s by default) to 5 s. H2 keeps them that long on the assumption that the file system may
 * still hold earlier writes in its buffers; here every commit is synced before it is
 * acknowledged, so nothing older than the last commit is waiting. With 45 s, a site written to
 * all the time grew its file by every commit of the last 45 s before any space was reused
 * (EmbeddedCompaction, docs/benchmarks.md).
 */
@ApplicationScoped
public class EmbeddedDurability {

    private static final Logger LOG = Logger.getLogger(EmbeddedDurability.class);

    static final int RETENTION_MILLIS = 5000;

    private final EntityManager em;
    private final boolean h2;

    public EmbeddedDurability(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.h2 = dbKind.equals("h2");
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (h2) {
            em.createNativeQuery("SET WRITE_DELAY 0").executeUpdate();
            em.createNativeQuery("SET RETENTION_TIME " + RETENTION_MILLIS).executeUpdate();
            LOG.debug("H2 writes every commit to its file before acknowledging it (WRITE_DELAY 0)");
        }
    }
}
