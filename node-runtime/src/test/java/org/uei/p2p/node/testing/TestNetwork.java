package org.uei.p2p.node.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A real network around the node under test: an in-process local registry over HTTP, fresh keys for
 * the node and for a counterparty, a second registered participant (to impersonate) and a callback
 * receiver standing in for the counterparty's endpoint. Init arg {@code role} is the node's role
 * (BPP or BAP).
 *
 * <p>The test reads the counterparty's identity through {@link TestPeers}, which is filled from
 * system properties because the test class and this manager live in different class loaders.
 */
public class TestNetwork implements QuarkusTestResourceLifecycleManager {

  public static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";

  private LocalRegistry registry;
  private Path dataDir;
  private String role = "BPP";

  @Override
  public void init(Map<String, String> initArgs) {
    role = initArgs.getOrDefault("role", "BPP");
  }

  @Override
  public Map<String, String> start() {
    try {
      dataDir = Files.createTempDirectory("uei-node-test");
      registry =
          LocalRegistry.builder()
              .host("127.0.0.1")
              .port(0)
              .dataDir(dataDir.resolve("registry"))
              .start();
      boolean nodeIsBpp = role.equals("BPP");
      String nodeId = nodeIsBpp ? "bpp.test.node" : "bap.test.node";
      String peerId = nodeIsBpp ? "bap.test.peer" : "bpp.test.peer";
      String intruderId = nodeIsBpp ? "bap.test.intruder" : "bpp.test.intruder";
      SubscriberType nodeType = nodeIsBpp ? SubscriberType.BPP : SubscriberType.BAP;
      SubscriberType peerType = nodeIsBpp ? SubscriberType.BAP : SubscriberType.BPP;
      Ed25519KeyPair nodeKey = Ed25519KeyPair.generate();
      Ed25519KeyPair peerKey = Ed25519KeyPair.generate();
      Ed25519KeyPair intruderKey = Ed25519KeyPair.generate();
      Ed25519KeyPair unregisteredKey = Ed25519KeyPair.generate();
      // The node listens on a random test port that is not known yet; its registered URL only
      // matters to participants that look it up, and tests call it directly.
      String nodeUrl = "http://127.0.0.1/node-under-test";
      String peerUrl = "http://127.0.0.1:" + CallbackReceiver.freePort();
      register(
          List.of(
              record(nodeId, "k1", nodeType, nodeUrl, nodeKey),
              record(peerId, "k1", peerType, peerUrl, peerKey),
              record(intruderId, "k1", peerType, peerUrl, intruderKey)));

      System.setProperty(TestPeers.PREFIX + "node.id", nodeId);
      System.setProperty(TestPeers.PREFIX + "node.url", nodeUrl);
      System.setProperty(TestPeers.PREFIX + "node.public", nodeKey.publicKeyBase64());
      System.setProperty(TestPeers.PREFIX + "peer.id", peerId);
      System.setProperty(TestPeers.PREFIX + "peer.url", peerUrl);
      System.setProperty(TestPeers.PREFIX + "peer.key", peerKey.seedBase64());
      System.setProperty(TestPeers.PREFIX + "intruder.id", intruderId);
      System.setProperty(TestPeers.PREFIX + "intruder.key", intruderKey.seedBase64());
      System.setProperty(TestPeers.PREFIX + "unregistered.key", unregisteredKey.seedBase64());
      System.setProperty(TestPeers.PREFIX + "registry.url", registry.baseUrl());

      Map<String, String> config = new HashMap<>();
      config.put("uei.subscriber-id", nodeId);
      config.put("uei.key-id", "k1");
      config.put("uei.private-key", nodeKey.seedBase64());
      config.put("uei.domain", DOMAIN);
      config.put("uei.public-url", nodeUrl);
      config.put("uei.registry.url", registry.baseUrl());
      config.put("uei.registry.type", "beckn");
      config.put("uei.data-dir", dataDir.toString());
      config.put("uei.outbox.initial-backoff", "PT0.2S");
      config.put("uei.outbox.max-backoff", "PT0.5S");
      config.put("uei.max-body-bytes", "65536");
      return config;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Subscriber record(
      String id, String keyId, SubscriberType type, String url, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId(keyId)
        .type(type)
        .url(url)
        .domain(DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  private void register(List<Subscriber> records) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/admin/subscribers"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SubscriberJson.writeList(records).toString()))
            .build();
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(
            "registry refused the test subscribers: " + r.statusCode() + " " + r.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void stop() {
    if (registry != null) {
      registry.close();
    }
  }
}
