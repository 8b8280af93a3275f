package org.uei.p2p.network.hardening;

import java.util.Map;

/**
 * One hostile request: how it is sent and signed, and its exact body. Content cases are signed by
 * the registered stand-in buyer over their final bytes, so that they reach the check they aim at.
 *
 * @param name family and case, for the report
 * @param method HTTP method
 * @param path request target, e.g. {@code /select}
 * @param body the exact bytes sent
 * @param signing who signs, and how
 * @param headers extra request headers
 */
record HostileCase(
    String name,
    String method,
    String path,
    byte[] body,
    Signing signing,
    Map<String, String> headers) {

  /** Who signs a case. */
  enum Signing {
    /** The registered stand-in buyer, over the exact body. */
    BUYER,
    /** Nobody: no Authorization header. */
    NONE,
    /** Another registered buyer platform, while the context names the stand-in. */
    INTRUDER,
    /** The stand-in's id with a key id the registry does not know. */
    UNREGISTERED_KEY,
    /** The stand-in, with a signature whose validity ended an hour ago. */
    EXPIRED,
    /** The stand-in, over other bytes than the ones sent. */
    OTHER_BYTES
  }

  /** A select posted and signed by the stand-in buyer. */
  static HostileCase select(String name, byte[] body) {
    return new HostileCase(name, "POST", "/select", body, Signing.BUYER, Map.of());
  }
}
