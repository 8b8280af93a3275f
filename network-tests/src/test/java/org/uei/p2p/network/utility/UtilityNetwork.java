package org.uei.p2p.network.utility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The inter-DISCOM network of issue #9 on loopback: the local registry in this JVM, a Delhi buyer
 * platform (bap-node), a UP seller platform (bpp-node, cascading to the utilities) and the utility
 * nodes of TPDDL and PVVNL (bpp-node in utility mode), each a separate JVM with its own key.
 */
final class UtilityNetwork implements AutoCloseable {

  static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  static final String BAP_ID = "bap.delhi.utility-it";
  static final String BPP_ID = "bpp.up.utility-it";
  static final String TPDDL_ID = "utility.tpddl.utility-it";
  static final String PVVNL_ID = "utility.pvvnl.utility-it";
  private static final Duration START = Duration.ofSeconds(240);

  private final Path dir;
  private final LocalRegistry registry;
  private final List<NodeProcess> nodes = new ArrayList<>();
  final NodeProcess bap;
  final NodeProcess bpp;
  final NodeProcess tpddl;
  final NodeProcess pvvnl;

  private UtilityNetwork(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    ArrayNode records = Json.MAPPER.createArrayNode();
    Path bapJar = Path.of(System.getProperty("uei.bap.jar"));
    Path bppJar = Path.of(System.getProperty("uei.bpp.jar"));
    bap = node("bap-node", BAP_ID, "BAP", bapJar, Map.of(), records);
    // Through -D: map keys (DISCOM ids) do not survive the environment-variable name mapping.
    bpp =
        node(
            "bpp-node",
            BPP_ID,
            "BPP",
            bppJar,
            Map.of(
                "JAVA_TOOL_OPTIONS",
                "-Duei.bpp.utilities.TPDDL=" + TPDDL_ID + " -Duei.bpp.utilities.PVVNL=" + PVVNL_ID),
            records);
    tpddl =
        node(
            "tpddl-utility",
            TPDDL_ID,
            "BPP",
            bppJar,
            Map.of("UEI_BPP_MODE", "utility", "UEI_BPP_UTILITY_DISCOM_ID", "TPDDL"),
            records);
    pvvnl =
        node(
            "pvvnl-utility",
            PVVNL_ID,
            "BPP",
            bppJar,
            Map.of(
                "UEI_BPP_MODE",
                "utility",
                "UEI_BPP_UTILITY_DISCOM_ID",
                "PVVNL",
                "UEI_BPP_DELIVERY_MDMS_POLL_EVERY",
                "1s"),
            records);
    try {
      Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * Starts the registry and the four nodes (in parallel: each JVM mostly waits on its own start).
   */
  static UtilityNetwork start(Path dir) throws Exception {
    UtilityNetwork net = new UtilityNetwork(dir);
    try {
      List<CompletableFuture<Void>> starts = new ArrayList<>();
      for (NodeProcess n : net.nodes) {
        starts.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    n.start(START);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                }));
      }
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private NodeProcess node(
      String name, String id, String type, Path jar, Map<String, String> extra, ArrayNode records) {
    int port = LoopbackSubscribers.freePort();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    records.add(
        LoopbackSubscribers.record(id, "k1", type, "http://127.0.0.1:" + port, DOMAIN, key));
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "UEI_SUBSCRIBER_ID",
                id,
                "UEI_KEY_ID",
                "k1",
                "UEI_PRIVATE_KEY",
                key.seedBase64(),
                "UEI_DOMAIN",
                DOMAIN,
                "UEI_PUBLIC_URL",
                "http://127.0.0.1:" + port,
                "UEI_REGISTRY_URL",
                registry.baseUrl(),
                "UEI_REGISTRY_TYPE",
                "beckn",
                "UEI_DATA_DIR",
                dir.resolve(name + "-data").toString(),
                "UEI_OUTBOX_INITIAL_BACKOFF",
                "PT0.2S",
                "UEI_OUTBOX_MAX_BACKOFF",
                "PT1S"));
    // Four node JVMs share the machine with the build: give a busy peer time to ACK.
    env.put("UEI_HTTP_REQUEST_TIMEOUT", "PT30S");
    env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
    env.putAll(extra);
    NodeProcess p = new NodeProcess(name, jar, env, port, dir.resolve(name + ".log"));
    nodes.add(p);
    return p;
  }

  /** Where PVVNL's utility node picks up MDMS files. */
  Path pvvnlDropDir() {
    return dir.resolve("pvvnl-utility-data").resolve("mdms-drop");
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      for (NodeProcess n : nodes) {
        n.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.close();
    }
  }
}
