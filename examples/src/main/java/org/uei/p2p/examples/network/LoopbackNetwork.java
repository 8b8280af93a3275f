package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What the demo's networks of every wire are made of: a local registry on loopback, participants
 * each with a fresh Ed25519 key and a loopback port, published in the registry, and the node
 * processes among them (homes under one directory, see {@link LocalNodes}). A wire's network adds
 * its own participants and settings on top.
 */
final class LoopbackNetwork implements AutoCloseable {

  private final Path dir;
  private final LocalRegistry registry;
  private final Map<String, Ed25519KeyPair> keys = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, String> types = new LinkedHashMap<>();
  private final Map<String, DemoNetwork.Node> nodes = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private LoopbackNetwork(Path dir, LocalRegistry registry) {
    this.dir = dir;
    this.registry = registry;
  }

  /** Starts the registry, keeping its records under {@code dir/registry}. */
  static LoopbackNetwork start(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new LoopbackNetwork(
        dir,
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("registry")).start());
  }

  /** The packaged bap-node under the project's root. */
  static Path bapJar(Path projectRoot) {
    return projectRoot.resolve("bap-node/target/quarkus-app/quarkus-run.jar");
  }

  /** The packaged bpp-node under the project's root. */
  static Path bppJar(Path projectRoot) {
    return projectRoot.resolve("bpp-node/target/quarkus-app/quarkus-run.jar");
  }

  /** A participant of {@code type} (BAP, BPP, BG): a fresh key and a free loopback port. */
  void participant(String id, String type) {
    keys.put(id, Ed25519KeyPair.generate());
    int port;
    do {
      // The kernel may hand out a port again once its socket is closed: never two nodes on one.
      port = LoopbackSubscribers.freePort();
    } while (ports.containsValue(port));
    ports.put(id, port);
    types.put(id, type);
  }

  /** Publishes every participant's key and URL in {@code domain}, with {@code others}. */
  void register(String domain, ArrayNode others) throws IOException, InterruptedException {
    ArrayNode records = others.deepCopy();
    keys.forEach(
        (id, key) ->
            records.add(LoopbackSubscribers.record(id, "k1", types.get(id), url(id), domain, key)));
    Json.post(registry.baseUrl() + "/admin/subscribers", records).expect(200);
  }

  /**
   * A node process for participant {@code id}: its home, its {@code node.properties} ({@code
   * settings} over what every local node has) and its JVM (not started yet).
   */
  NodeProcess node(String id, Path jar, Map<String, String> settings, Map<String, String> env)
      throws IOException {
    DemoNetwork.Node n =
        LocalNodes.create(
            dir,
            id,
            types.get(id),
            jar,
            ports.get(id),
            keys.get(id),
            registry.baseUrl(),
            settings,
            env);
    nodes.put(id, n);
    return n.process();
  }

  /** Starts every node (in parallel) and waits until each is ready; stops them all if one fails. */
  void startAll(Duration timeout) throws InterruptedException {
    LocalNodes.startAll(nodes(), timeout);
  }

  /** Moves every node's market clock to {@code marketNow}, so they judge windows alike. */
  void marketClock(Instant marketNow) throws IOException, InterruptedException {
    for (DemoNetwork.Node n : nodes.values()) {
      Json.put(n.url() + "/testing/market-clock", Map.of("now", marketNow.toString())).expect(200);
    }
  }

  /** POSTs {@code body} to {@code url} signed as participant {@code caller}. */
  HttpResponse<String> signedPost(String caller, String url, byte[] body)
      throws IOException, InterruptedException {
    BecknSigner signer = BecknSigner.of(caller, "k1", keys.get(caller));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Authorization", signer.authorization(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The key participant {@code id} signs with (the demo made it, as an operator makes theirs). */
  Ed25519KeyPair key(String id) {
    return keys.get(id);
  }

  /** The loopback URL of a participant, whether or not a node runs there. */
  String url(String id) {
    return "http://127.0.0.1:" + ports.get(id);
  }

  /** The loopback port of a participant. */
  int port(String id) {
    return ports.get(id);
  }

  /** The node of participant {@code id}. */
  DemoNetwork.Node node(String id) {
    DemoNetwork.Node n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return n;
  }

  List<DemoNetwork.Node> nodes() {
    return List.copyOf(nodes.values());
  }

  String registryUrl() {
    return registry.baseUrl();
  }

  Path dir() {
    return dir;
  }

  /** Stops every node, then the registry. */
  @Override
  public void close() {
    try {
      for (DemoNetwork.Node n : nodes.values()) {
        n.process().stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      registry.close();
    }
  }
}
