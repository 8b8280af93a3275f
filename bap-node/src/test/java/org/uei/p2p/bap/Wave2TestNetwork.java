package org.uei.p2p.bap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The {@link TestNetwork} of a buyer platform that speaks both wires: wave 2 in the IES test
 * network through a discovery service (the test's seller receiver), two DISCOMs with their ledger
 * providers, TPDDL's URLs configured and BRPL's left to the registry. Both ledger providers are
 * registered with keys the tests sign with ({@link #ledgerSigner}).
 */
public class Wave2TestNetwork implements QuarkusTestResourceLifecycleManager {

  static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  static final String TPDDL_LEDGER_URI = "http://127.0.0.1:9102";
  static final String BRPL_LEDGER_URI = "http://127.0.0.1:9104";
  static final String BRPL_DISCOM_URI = "http://127.0.0.1:9103";
  static final String TPDDL_DISCOM_URI = "http://127.0.0.1:9101";
  private static final String LEDGER_KEY = "uei-test.wave2.ledger-key.";

  private final TestNetwork network = new TestNetwork();

  @Override
  public void init(Map<String, String> initArgs) {
    network.init(Map.of("role", "BAP"));
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new java.util.HashMap<>(network.start());
    Ed25519KeyPair brplLedger = Ed25519KeyPair.generate();
    Ed25519KeyPair tpddlLedger = Ed25519KeyPair.generate();
    register(
        List.of(
            party("discom.brpl.test", BRPL_DISCOM_URI, Ed25519KeyPair.generate()),
            party("ledger.brpl.test", BRPL_LEDGER_URI, brplLedger),
            party("ledger.tpddl.test", TPDDL_LEDGER_URI, tpddlLedger)));
    // Read back by the tests (another class loader) through system properties, as TestPeers does.
    System.setProperty(LEDGER_KEY + "BRPL", brplLedger.seedBase64());
    System.setProperty(LEDGER_KEY + "TPDDL", tpddlLedger.seedBase64());
    config.put("uei.wire", "wave1,wave2");
    config.put("uei.network-id", NETWORK);
    config.put("uei.bap.wave2.discovery-url", TestPeers.peerUrl());
    String tpddl = "uei.bap.wave2.discoms.TPDDL.";
    config.put(tpddl + "discom-id", "discom.tpddl.test");
    config.put(tpddl + "discom-uri", TPDDL_DISCOM_URI);
    config.put(tpddl + "ledger-id", "ledger.tpddl.test");
    config.put(tpddl + "ledger-uri", TPDDL_LEDGER_URI);
    config.put("uei.bap.wave2.discoms.BRPL.discom-id", "discom.brpl.test");
    config.put("uei.bap.wave2.discoms.BRPL.ledger-id", "ledger.brpl.test");
    return config;
  }

  /** Signs as the ledger provider of DISCOM {@code code} (BRPL or TPDDL). */
  static BecknSigner ledgerSigner(String code) {
    return BecknSigner.of(
        "ledger." + code.toLowerCase(java.util.Locale.ROOT) + ".test",
        "k1",
        Ed25519KeyPair.fromPrivateKeyBase64(System.getProperty(LEDGER_KEY + code)));
  }

  private static Subscriber party(String id, String url, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId("k1")
        .type(SubscriberType.BPP)
        .url(url)
        .domain(NETWORK)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  private static void register(List<Subscriber> records) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestPeers.registryUrl() + "/admin/subscribers"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SubscriberJson.writeList(records).toString()))
            .build();
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("registry refused: " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    network.stop();
  }
}
