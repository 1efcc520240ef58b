package dev.crosslink.cache;

import dev.crosslink.web.CmsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this node's response cache and publication clock coherent with writes made on any node
 * (PostgreSQL build only; H2 is a single node by nature and needs none of this).
 *
 * <p>One daemon thread holds a direct pgjdbc connection of its own, outside the pool, and
 * {@code LISTEN}s on {@link ContentGeneration#CHANNEL}. Each notification names a new generation;
 * the cache is dropped and the next publication instant read again. The generation stored in
 * {@code coordination} is the backstop: it is read after every (re)subscription and every
 * {@code cms.cache.generation-check} (default 1 s), so a lost notification leaves a node stale for at
 * most that long. While the connection is down the cache is suspended: every request reads the
 * database until the listener is back.
 *
 * <p>Acknowledgements make "seen by every other node's next request" (CONTRACT section 9) hold
 * under load too: having dropped its cache for a generation, each node says so on
 * {@link #ACK_CHANNEL} ({@code "<node> <generation>"}), and repeats its newest generation on every
 * check, which is also how nodes know who is alive. A write is acknowledged to its client only once
 * every node heard from in the last {@link #LIVENESS} checks has confirmed its generation, or after
 * a bound, so that a node that died cannot hold writes up for long.
 */
@ApplicationScoped
public class GenerationListener {

    private static final Logger LOG = Logger.getLogger(GenerationListener.class);
    static final String ACK_CHANNEL = "crosslink_ack";
    /** A node not heard from for this many checks is taken for gone, and no write waits for it. */
    static final int LIVENESS = 3;

    /** What this node last heard from another: the newest generation it confirmed, and when. */
    private record Peer(long generation, long heardAtNanos) {
    }

    private final ResponseCache cache;
    private final PublicationClock clock;
    private final boolean postgres;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration checkEvery;
    private final Object heard = new Object();
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private volatile long lastGeneration = -1;
    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    public GenerationListener(ResponseCache cache, PublicationClock clock,
                              @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                              CmsConfig config,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
                              @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.clock = clock;
        this.postgres = dbKind.startsWith("postgres");
        this.url = config.cache().listenUrl().or(() -> url).orElse("");
        this.username = username;
        this.password = password;
        this.checkEvery = config.cache().generationCheck();
    }

    void onStart(@Observes StartupEvent event) {
        if (!postgres || url.isBlank()) {
            return;
        }
        running = true;
        cache.suspend(true);
        thread = new Thread(this::listen, "crosslink-generation-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the node hears other nodes' writes now (a readiness signal, and for tests). */
    public boolean connected() {
        return !postgres || connected;
    }

    /**
     * Waits until this node and every other live node have dropped their caches for the given
     * generation: a write returns once its notification has made the round trip everywhere. The wait
     * is bounded by two checks (at least a second): a node that died, or a listener that is down,
     * delays a write by that much at most, and the generation check catches the node up later.
     */
    void awaitHeard(long generation) {
        long deadline = System.nanoTime() + Math.max(Duration.ofSeconds(1).toNanos(), 2 * checkEvery.toNanos());
        synchronized (heard) {
            while (connected && (lastGeneration < generation || !peersConfirmed(generation))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.debugf("Generation %d not confirmed by every node in time: %s", generation, peers);
                    return;
                }
                try {
                    heard.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether every node heard from recently has confirmed at least this generation. */
    private boolean peersConfirmed(long generation) {
        long alive = System.nanoTime() - LIVENESS * checkEvery.toNanos();
        for (Peer peer : peers.values()) {
            if (peer.heardAtNanos() - alive > 0 && peer.generation() < generation) {
                return false;
            }
        }
        return true;
    }

    /** How many other nodes this one has heard from recently (for tests and diagnostics). */
    int livePeers() {
        long alive = System.nanoTime() - LIVENESS * checkEvery.toNanos();
        return (int) peers.values().stream().filter(p -> p.heardAtNanos() - alive > 0).count();
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ContentGeneration.CHANNEL);
                    statement.execute("LISTEN " + ACK_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                connected = true;
                check(connection); // whatever happened while we were not listening
                confirm(connection); // and the other nodes learn that this one is here
                cache.suspend(false);
                if (backoff > 100) {
                    LOG.info("Listening for content changes again");
                }
                backoff = 100;
                long nextCheck = System.nanoTime() + checkEvery.toNanos();
                while (running) {
                    long wait = Math.max(1, (nextCheck - System.nanoTime()) / 1_000_000);
                    PGNotification[] notifications = pg.getNotifications((int) Math.min(wait, Integer.MAX_VALUE));
                    long newest = -1;
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (n.getName().equals(ACK_CHANNEL)) {
                                peerConfirmed(n.getParameter());
                            } else {
                                newest = Math.max(newest, parse(n.getParameter()));
                            }
                        }
                    }
                    if (newest >= 0) {
                        heard(newest);
                        confirm(connection);
                    }
                    if (System.nanoTime() >= nextCheck) {
                        check(connection);
                        confirm(connection);
                        nextCheck = System.nanoTime() + checkEvery.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (connected || backoff == 100) {
                    LOG.warnf("Lost the content-change listener's database connection (%s); serving uncached until it is back",
                            e.getMessage());
                }
            } finally {
                connected = false;
                cache.suspend(true);
                synchronized (heard) {
                    heard.notifyAll();
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                break;
            }
            backoff = Math.min(5_000, backoff * 2);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "crosslink-listener");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select counter from coordination where name = 'content-generation'")) {
            if (rs.next()) {
                heard(rs.getLong(1));
            }
        }
    }

    private void heard(long generation) {
        if (generation != lastGeneration) {
            cache.invalidate();
            clock.rescheduleLater();
        }
        synchronized (heard) {
            lastGeneration = Math.max(lastGeneration, generation);
            heard.notifyAll();
        }
    }

    /** Tells every node which generation this one's cache is at; also its sign of life. */
    private void confirm(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, ACK_CHANNEL);
            statement.setString(2, nodeId + " " + lastGeneration);
            statement.execute();
        }
    }

    private void peerConfirmed(String payload) {
        int space = payload == null ? -1 : payload.indexOf(' ');
        if (space <= 0 || payload.startsWith(nodeId + " ")) {
            return;
        }
        long generation = parse(payload.substring(space + 1));
        peers.merge(payload.substring(0, space), new Peer(generation, System.nanoTime()),
                (old, now) -> new Peer(Math.max(old.generation(), now.generation()), now.heardAtNanos()));
        synchronized (heard) {
            heard.notifyAll();
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
