package org.uei.p2p.registry;

import java.util.Locale;

/** The role a subscriber plays on a Beckn network. */
public enum SubscriberType {
  /** Buyer application platform. */
  BAP,
  /** Seller (provider) platform. */
  BPP,
  /** Beckn gateway that fans discovery out to BPPs. */
  BG;

  /**
   * Reads the role as registries spell it; case is ignored because registries in the field differ.
   *
   * @throws IllegalArgumentException naming the value when it is not a known role
   */
  public static SubscriberType parse(String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    switch (v) {
      case "BAP":
        return BAP;
      case "BPP":
        return BPP;
      case "BG":
      case "GATEWAY":
        return BG;
      default:
        throw new IllegalArgumentException(
            "unknown subscriber type '" + value + "' (expected BAP, BPP or BG)");
    }
  }
}
