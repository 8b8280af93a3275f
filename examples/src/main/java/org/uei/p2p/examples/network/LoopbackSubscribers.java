package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What every local network needs to put a participant on loopback: a free port and the record that
 * publishes its key in the local registry ({@code POST /admin/subscribers}).
 */
public final class LoopbackSubscribers {
  private LoopbackSubscribers() {}

  /**
   * A registry record for a subscriber at {@code url}, signing with {@code key} under key id {@code
   * keyId}.
   */
  public static ObjectNode record(
      String id, String keyId, String type, String url, String domain, Ed25519KeyPair key) {
    return Json.MAPPER
        .createObjectNode()
        .put("subscriber_id", id)
        .put("unique_key_id", keyId)
        .put("type", type)
        .put("subscriber_url", url)
        .put("domain", domain)
        .put("signing_public_key", key.publicKeyBase64())
        .put("status", "SUBSCRIBED");
  }

  /** A loopback port free at the moment of asking, out of the way of outgoing connections. */
  public static int freePort() {
    return org.uei.p2p.registry.local.LoopbackPorts.free();
  }
}
