package org.uei.p2p.node.testing;

import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** The identities {@link TestNetwork} created, read back by tests. */
public final class TestPeers {

  static final String PREFIX = "uei-test.";

  private TestPeers() {}

  static String get(String name) {
    String v = System.getProperty(PREFIX + name);
    if (v == null) {
      throw new IllegalStateException("TestNetwork has not started (no " + PREFIX + name + ")");
    }
    return v;
  }

  /** The node under test's subscriber id. */
  public static String nodeId() {
    return get("node.id");
  }

  /** The node under test's base URL. */
  public static String nodeUrl() {
    return get("node.url");
  }

  /** The node under test's public key, base64. */
  public static String nodePublicKey() {
    return get("node.public");
  }

  /** The registered counterparty's subscriber id. */
  public static String peerId() {
    return get("peer.id");
  }

  /** The registered counterparty's callback base URL (the {@link CallbackReceiver}). */
  public static String peerUrl() {
    return get("peer.url");
  }

  /** Signs as the registered counterparty. */
  public static BecknSigner peerSigner() {
    return BecknSigner.of(peerId(), "k1", peerKey());
  }

  /** The registered counterparty's key {@code k1}, for tests where it signs more than messages. */
  public static Ed25519KeyPair peerKey() {
    return Ed25519KeyPair.fromPrivateKeyBase64(get("peer.key"));
  }

  /** Another registered participant of the counterparty's role. */
  public static String intruderId() {
    return get("intruder.id");
  }

  /** Signs as the other registered participant. */
  public static BecknSigner intruderSigner() {
    return BecknSigner.of(
        intruderId(), "k1", Ed25519KeyPair.fromPrivateKeyBase64(get("intruder.key")));
  }

  /** Signs as the counterparty but with a key the registry does not know. */
  public static BecknSigner unregisteredSigner() {
    return BecknSigner.of(
        peerId(), "k-unknown", Ed25519KeyPair.fromPrivateKeyBase64(get("unregistered.key")));
  }

  /** The local registry's base URL. */
  public static String registryUrl() {
    return get("registry.url");
  }
}
