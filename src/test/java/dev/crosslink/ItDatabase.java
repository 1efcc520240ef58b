package dev.crosslink;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The database a packaged server under test runs on: a fresh H2 directory, or on PostgreSQL a fresh
 * schema of its own in the database .ci/run gives (CROSSLINK_IT_JDBC_URL, _USERNAME, _PASSWORD).
 */
public final class ItDatabase {

    private final String schema;
    private final Path h2Dir;

    private ItDatabase(String schema, Path h2Dir) {
        this.schema = schema;
        this.h2Dir = h2Dir;
    }

    /** An empty database: a new H2 directory, or a PostgreSQL schema dropped and made again. */
    public static ItDatabase fresh(String name) throws Exception {
        if (!ServerProcess.postgres()) {
            Path dir = Path.of("target", "it-data", name + "-" + System.nanoTime()).toAbsolutePath();
            return new ItDatabase(null, dir);
        }
        String schema = "it_" + name.replaceAll("[^a-z0-9]", "_");
        try (Connection c = connect(baseUrl()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        }
        return new ItDatabase(schema, Path.of("target", "it-data", name).toAbsolutePath());
    }

    /** Where a node's working directory is (H2 keeps its files under ./data there). */
    public Path workDir() {
        return h2Dir;
    }

    /** The environment that points a node at this database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        if (schema != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url());
            env.put("QUARKUS_DATASOURCE_USERNAME", env("CROSSLINK_IT_JDBC_USERNAME", ""));
            env.put("QUARKUS_DATASOURCE_PASSWORD", env("CROSSLINK_IT_JDBC_PASSWORD", ""));
        }
        return env;
    }

    /** A single number from SQL, read from this database directly (PostgreSQL only). */
    public long count(String sql) throws SQLException {
        try (Connection c = connect(url()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The environment that points a node at this database through a proxy on the given port. */
    public Map<String, String> envThrough(int proxyPort) {
        Map<String, String> env = env();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/"));
        return env;
    }

    /** Host and port of the PostgreSQL server the tests use. */
    public static java.net.URI server() {
        return java.net.URI.create(baseUrl().substring("jdbc:".length()));
    }

    private String url() {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String baseUrl() {
        String url = System.getenv("CROSSLINK_IT_JDBC_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("A PostgreSQL build is under test but CROSSLINK_IT_JDBC_URL is not set (see .ci/run)");
        }
        return url;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, env("CROSSLINK_IT_JDBC_USERNAME", ""), env("CROSSLINK_IT_JDBC_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
