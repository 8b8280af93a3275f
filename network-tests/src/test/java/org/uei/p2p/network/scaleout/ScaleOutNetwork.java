package org.uei.p2p.network.scaleout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Two instances of the bpp-node and two of the bap-node on one PostgreSQL server (a schema per
 * node), each pair behind a {@link RoundRobinProxy} whose address is the node's registered {@code
 * subscriber_url} and {@code uei.public-url}; the instances of a node share its key, subscriber id
 * and schema and differ in port and {@code uei.instance-id}. Leases are short so that a killed
 * instance's work moves within a minute.
 */
final class ScaleOutNetwork implements AutoCloseable {

  static final String BPP_ID = "bpp.scale-out.local";
  static final String BAP_ID = "bap.scale-out.local";
  // A lease outlasts an attempt (connect 5 s + request 30 s): on a loaded two-core machine 200
  // buyers make the instances answer slowly.
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Duration OUTBOX_LEASE = Duration.ofSeconds(40);
  static final Duration HANDLING_LEASE = Duration.ofSeconds(40);
  static final Duration JOBS_LEASE = Duration.ofSeconds(6);
  static final Duration JOBS_RENEW = Duration.ofSeconds(2);
  private static final Duration START = Duration.ofSeconds(120);

  final LocalRegistry registry;
  final RoundRobinProxy bppProxy;
  final RoundRobinProxy bapProxy;
  final List<NodeProcess> bpps = new ArrayList<>();
  final List<NodeProcess> baps = new ArrayList<>();
  final Database bppDb;
  final Database bapDb;

  private ScaleOutNetwork(
      LocalRegistry registry,
      RoundRobinProxy bppProxy,
      RoundRobinProxy bapProxy,
      Database bppDb,
      Database bapDb) {
    this.registry = registry;
    this.bppProxy = bppProxy;
    this.bapProxy = bapProxy;
    this.bppDb = bppDb;
    this.bapDb = bapDb;
  }

  /** Starts the registry, both proxies and the four instances; logs go to {@code dir}. */
  static ScaleOutNetwork start(Path dir, Map<String, String> bppEnv) throws Exception {
    Files.createDirectories(dir);
    String stamp = Long.toString(System.currentTimeMillis());
    Database bppDb = new Database("uei_so_bpp_" + stamp);
    Database bapDb = new Database("uei_so_bap_" + stamp);
    LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    int[] bppPorts = {LoopbackSubscribers.freePort(), LoopbackSubscribers.freePort()};
    int[] bapPorts = {LoopbackSubscribers.freePort(), LoopbackSubscribers.freePort()};
    RoundRobinProxy bppProxy =
        RoundRobinProxy.start(LoopbackSubscribers.freePort(), urls(bppPorts));
    RoundRobinProxy bapProxy =
        RoundRobinProxy.start(LoopbackSubscribers.freePort(), urls(bapPorts));
    ScaleOutNetwork net = new ScaleOutNetwork(registry, bppProxy, bapProxy, bppDb, bapDb);
    try {
      Ed25519KeyPair bppKey = Ed25519KeyPair.generate();
      Ed25519KeyPair bapKey = Ed25519KeyPair.generate();
      ArrayNode records = Json.MAPPER.createArrayNode();
      records.add(
          LoopbackSubscribers.record(
              BPP_ID, "k1", "BPP", bppProxy.url(), LocalNetwork.DOMAIN, bppKey));
      records.add(
          LoopbackSubscribers.record(
              BAP_ID, "k1", "BAP", bapProxy.url(), LocalNetwork.DOMAIN, bapKey));
      Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
      for (int i = 0; i < 2; i++) {
        Map<String, String> env =
            env(BPP_ID, bppKey, bppProxy.url(), registry.baseUrl(), bppDb, "bpp-" + (i + 1));
        env.put("UEI_DATA_DIR", dir.resolve("bpp-" + (i + 1) + "-data").toString());
        env.putAll(bppEnv);
        net.bpps.add(node("bpp-node", i, bppPorts[i], env, dir));
      }
      for (int i = 0; i < 2; i++) {
        Map<String, String> env =
            env(BAP_ID, bapKey, bapProxy.url(), registry.baseUrl(), bapDb, "bap-" + (i + 1));
        env.put("UEI_DATA_DIR", dir.resolve("bap-" + (i + 1) + "-data").toString());
        net.baps.add(node("bap-node", i, bapPorts[i], env, dir));
      }
      // One at a time: the first instance of each node creates its schema.
      for (NodeProcess p : net.bpps) {
        p.start(START);
      }
      for (NodeProcess p : net.baps) {
        p.start(START);
      }
    } catch (Exception | AssertionError e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static NodeProcess node(String kind, int i, int port, Map<String, String> env, Path dir) {
    String jar = System.getProperty(kind.equals("bpp-node") ? "uei.bpp.jar" : "uei.bap.jar");
    return new NodeProcess(
        kind + "-" + (i + 1), Path.of(jar), env, port, dir.resolve(kind + "-" + (i + 1) + ".log"));
  }

  private static List<String> urls(int[] ports) {
    List<String> out = new ArrayList<>();
    for (int p : ports) {
      out.add("http://127.0.0.1:" + p);
    }
    return out;
  }

  private static Map<String, String> env(
      String id,
      Ed25519KeyPair key,
      String publicUrl,
      String registryUrl,
      Database db,
      String instance) {
    Map<String, String> env = new HashMap<>();
    env.put("UEI_SUBSCRIBER_ID", id);
    env.put("UEI_KEY_ID", "k1");
    env.put("UEI_PRIVATE_KEY", key.seedBase64());
    env.put("UEI_DOMAIN", LocalNetwork.DOMAIN);
    env.put("UEI_PUBLIC_URL", publicUrl);
    env.put("UEI_REGISTRY_URL", registryUrl);
    env.put("UEI_REGISTRY_TYPE", "beckn");
    env.put("UEI_INSTANCE_ID", instance);
    env.put("UEI_OUTBOX_INITIAL_BACKOFF", "PT0.2S");
    env.put("UEI_OUTBOX_MAX_BACKOFF", "PT1S");
    env.put("UEI_HTTP_REQUEST_TIMEOUT", REQUEST_TIMEOUT.toString());
    env.put("UEI_OUTBOX_LEASE", OUTBOX_LEASE.toString());
    env.put("UEI_INBOUND_HANDLING_LEASE", HANDLING_LEASE.toString());
    env.put("UEI_JOBS_LEASE", JOBS_LEASE.toString());
    env.put("UEI_JOBS_RENEW_EVERY", JOBS_RENEW.toSeconds() + "s");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", db.url());
    env.put("QUARKUS_DATASOURCE_USERNAME", Database.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", Database.PASSWORD);
    env.put("QUARKUS_FLYWAY_SCHEMAS", db.schema);
    return env;
  }

  @Override
  public void close() {
    try {
      for (NodeProcess p : baps) {
        p.stop();
      }
      for (NodeProcess p : bpps) {
        p.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      bppProxy.close();
      bapProxy.close();
      registry.close();
    }
  }

  /** One node's schema on the shared server, read directly by the test. */
  static final class Database {
    static final String URL =
        System.getProperty("uei.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("uei.pg.user", "postgres");
    static final String PASSWORD = System.getProperty("uei.pg.password", "");

    final String schema;

    Database(String schema) {
      this.schema = schema;
    }

    String url() {
      return URL + "?currentSchema=" + schema;
    }

    /** The rows of {@code sql}, each as its columns' text. */
    List<List<String>> rows(String sql, Object... params) throws SQLException {
      try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
          PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          s.setObject(i + 1, params[i]);
        }
        List<List<String>> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          int n = r.getMetaData().getColumnCount();
          while (r.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              row.add(r.getString(i));
            }
            out.add(row);
          }
        }
        return out;
      }
    }

    /** The first column of every row of {@code sql}. */
    List<String> column(String sql, Object... params) throws SQLException {
      return rows(sql, params).stream().map(r -> r.get(0)).toList();
    }

    long count(String sql, Object... params) throws SQLException {
      return Long.parseLong(rows(sql, params).get(0).get(0));
    }
  }
}
