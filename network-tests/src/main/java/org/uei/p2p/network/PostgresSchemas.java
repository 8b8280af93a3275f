package org.uei.p2p.network;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fresh PostgreSQL schemas for the benches: the settings that put a {@code -Ppostgres} node on its
 * own schema of a shared database (Flyway creates it at the node's start), and the drop afterwards,
 * through {@code psql} so that the harness needs no JDBC driver.
 */
public final class PostgresSchemas {

  private PostgresSchemas() {}

  /** A schema name unique to this call, lower case: {@code prefix_<nanos>}. */
  public static String fresh(String prefix) {
    return (prefix + "_" + System.nanoTime()).replace('-', '_').toLowerCase();
  }

  /** The node's environment for {@code schema} of the database at {@code jdbcUrl}. */
  public static Map<String, String> env(String jdbcUrl, String user, String schema) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    env.put("QUARKUS_DATASOURCE_USERNAME", user);
    env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
    return env;
  }

  /** Drops {@code schema} and everything in it; waits at most a minute. */
  public static void drop(String jdbcUrl, String user, String schema)
      throws IOException, InterruptedException {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    Process psql =
        new ProcessBuilder(
                "psql",
                "-q",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort()),
                "-U",
                user,
                "-d",
                database,
                "-c",
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    psql.waitFor(60, TimeUnit.SECONDS);
  }
}
