package org.uei.p2p.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.examples.network.NodeProcess;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A whole network on loopback: the local registry in this JVM, and a bpp-node and a bap-node as
 * separate JVMs from their packaged jars, each with a fresh key registered in the registry and its
 * own data directory (kept across restarts of the node). Fault tests stop, kill and restart the
 * nodes through {@link #bpp()} and {@link #bap()}, and stop and restart the registry on its port.
 */
public final class LocalNetwork implements AutoCloseable {

  public static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  public static final String BPP_ID = "bpp.network-test.local";
  public static final String BAP_ID = "bap.network-test.local";
  private static final Duration START = Duration.ofSeconds(90);

  private final Path dir;
  private final String registryUrl;
  private final int registryPort;
  private final NodeProcess bpp;
  private final NodeProcess bap;
  // Null while the registry is stopped.
  private LocalRegistry registry;

  private LocalNetwork(Path dir, LocalRegistry registry, NodeProcess bpp, NodeProcess bap) {
    this.dir = dir;
    this.registry = registry;
    this.registryUrl = registry.baseUrl();
    this.registryPort = registry.port();
    this.bpp = bpp;
    this.bap = bap;
  }

  /** Starts the registry, registers both nodes and starts them; logs go to {@code dir}. */
  public static LocalNetwork start(Path dir) throws IOException, InterruptedException {
    return start(dir, Map.of(), Map.of());
  }

  /**
   * Like {@link #start(Path)}, with {@code bppEnv} and {@code bapEnv} added to (or overriding) the
   * environment of each node, e.g. {@code UEI_REGISTRY_CACHE_TTL} or {@code UEI_OUTBOX_LEASE}.
   */
  public static LocalNetwork start(Path dir, Map<String, String> bppEnv, Map<String, String> bapEnv)
      throws IOException, InterruptedException {
    return start(dir, DOMAIN, bppEnv, bapEnv);
  }

  /**
   * Both nodes on UEI v1 ({@code uei.wire=uei-v1}), registered in its domain {@code
   * uei:p2p-trading}; logs go to {@code target/<name>-<millis>}.
   */
  public static LocalNetwork startUeiV1(String name) throws IOException, InterruptedException {
    Map<String, String> v1 = Map.of("UEI_WIRE", "uei-v1");
    return start(
        Path.of("target", name + "-" + System.currentTimeMillis()).toAbsolutePath(),
        UeiV1Context.DOMAIN,
        v1,
        v1);
  }

  /**
   * Like {@link #start(Path, Map, Map)}, with both nodes registered in {@code domain}: the network
   * whose participants a buyer platform looks up (UEI v1's {@code uei:p2p-trading}, say).
   */
  public static LocalNetwork start(
      Path dir, String domain, Map<String, String> bppEnv, Map<String, String> bapEnv)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start();
    int bppPort = LoopbackSubscribers.freePort();
    int bapPort;
    do {
      // The kernel may hand out a port again once its socket is closed: never both nodes on one.
      bapPort = LoopbackSubscribers.freePort();
    } while (bapPort == bppPort);
    Ed25519KeyPair bppKey = Ed25519KeyPair.generate();
    Ed25519KeyPair bapKey = Ed25519KeyPair.generate();
    ArrayNode records = Json.MAPPER.createArrayNode();
    records.add(
        LoopbackSubscribers.record(
            BPP_ID, "k1", "BPP", "http://127.0.0.1:" + bppPort, domain, bppKey));
    records.add(
        LoopbackSubscribers.record(
            BAP_ID, "k1", "BAP", "http://127.0.0.1:" + bapPort, domain, bapKey));
    Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);

    NodeProcess bpp =
        new NodeProcess(
            "bpp-node",
            Path.of(System.getProperty("uei.bpp.jar")),
            env(BPP_ID, bppKey, bppPort, registry.baseUrl(), dir.resolve("bpp-data"), bppEnv),
            bppPort,
            dir.resolve("bpp-node.log"));
    NodeProcess bap =
        new NodeProcess(
            "bap-node",
            Path.of(System.getProperty("uei.bap.jar")),
            env(BAP_ID, bapKey, bapPort, registry.baseUrl(), dir.resolve("bap-data"), bapEnv),
            bapPort,
            dir.resolve("bap-node.log"));
    LocalNetwork net = new LocalNetwork(dir, registry, bpp, bap);
    try {
      bpp.start(START);
      bap.start(START);
    } catch (IOException | RuntimeException | InterruptedException e) {
      net.close();
      throw e;
    }
    return net;
  }

  private static Map<String, String> env(
      String id,
      Ed25519KeyPair key,
      int port,
      String registryUrl,
      Path data,
      Map<String, String> extra) {
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
                registryUrl,
                "UEI_REGISTRY_TYPE",
                "beckn",
                "UEI_DATA_DIR",
                data.toString(),
                "UEI_OUTBOX_INITIAL_BACKOFF",
                "PT0.2S",
                "UEI_OUTBOX_MAX_BACKOFF",
                "PT1S"));
    env.putAll(extra);
    return env;
  }

  public NodeProcess bpp() {
    return bpp;
  }

  public NodeProcess bap() {
    return bap;
  }

  /** The registry's base URL, where both nodes' keys are published; the same after a restart. */
  public String registryUrl() {
    return registryUrl;
  }

  /** Stops the registry: lookups fail with connection refused until {@link #restartRegistry()}. */
  public synchronized void stopRegistry() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  /** Starts the registry again on the same port with the records it had. */
  public synchronized void restartRegistry() {
    if (registry == null) {
      registry =
          LocalRegistry.builder()
              .host("127.0.0.1")
              .port(registryPort)
              .dataDir(dir.resolve("registry"))
              .start();
    }
  }

  /** Where logs and data directories live. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      bap.stop();
      bpp.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopRegistry();
    }
  }
}
