package org.uei.p2p.node.wire;

import org.uei.p2p.model.wire.WireGeneration;

/**
 * A member of a message context, by meaning, with its name on each wire: wave 1 writes {@code
 * bap_uri}, wave 2 {@code bapUri}. Refusals name the member as the sender wrote it.
 */
public enum ContextField {
  ACTION("action", "action"),
  BAP_ID("bap_id", "bapId"),
  BAP_URI("bap_uri", "bapUri"),
  BPP_ID("bpp_id", "bppId"),
  BPP_URI("bpp_uri", "bppUri"),
  TRANSACTION_ID("transaction_id", "transactionId"),
  MESSAGE_ID("message_id", "messageId"),
  TIMESTAMP("timestamp", "timestamp"),
  TTL("ttl", "ttl"),
  /** The network: {@code domain} on wave 1, {@code networkId} on wave 2. */
  NETWORK("domain", "networkId");

  private final String wave1;
  private final String wave2;

  ContextField(String wave1, String wave2) {
    this.wave1 = wave1;
    this.wave2 = wave2;
  }

  /** The member's name on {@code wire}. */
  public String nameOn(WireGeneration wire) {
    return wire == WireGeneration.IES_WAVE2 ? wave2 : wave1;
  }

  /** The JSON path of the member on {@code wire}, e.g. {@code context.bapUri}. */
  public String pathOn(WireGeneration wire) {
    return "context." + nameOn(wire);
  }

  /** The URI member of the party whose id this is ({@code BAP_ID -> BAP_URI}); null for others. */
  public ContextField uriOfParty() {
    return this == BAP_ID ? BAP_URI : this == BPP_ID ? BPP_URI : null;
  }
}
