package org.uei.p2p.node.packaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The throwaway PostgreSQL schema a {@code -Ppostgres} node trains its class archive in: the node's
 * settings that put it there (Flyway creates the schema at the node's start) and the drop
 * afterwards, so that the training leaves nothing in the database.
 */
final class TrainingSchema {

  private final String url;
  private final String user;
  private final String password;
  private final String name;

  private TrainingSchema(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.name = "uei_class_archive_" + System.currentTimeMillis();
  }

  /** The schema the options name a database for, or null for none (an H2 node). */
  static TrainingSchema of(Map<String, String> options) {
    String url = options.getOrDefault("--jdbc-url", "");
    if (url.isBlank()) {
      return null;
    }
    return new TrainingSchema(
        url, options.getOrDefault("--jdbc-user", ""), options.getOrDefault("--jdbc-password", ""));
  }

  Map<String, String> nodeEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
    env.put("QUARKUS_DATASOURCE_USERNAME", user);
    env.put("QUARKUS_DATASOURCE_PASSWORD", password);
    env.put("QUARKUS_FLYWAY_SCHEMAS", name);
    return env;
  }

  void drop() throws SQLException, ClassNotFoundException {
    // The build's class path holds the driver, but DriverManager may have scanned for drivers
    // before it was there: loading the class registers it.
    Class.forName("org.postgresql.Driver", true, TrainingSchema.class.getClassLoader());
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
