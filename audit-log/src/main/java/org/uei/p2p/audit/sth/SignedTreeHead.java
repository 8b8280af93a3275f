package org.uei.p2p.audit.sth;

import java.util.Objects;
import org.uei.p2p.signing.jws.CompactJws;
import org.uei.p2p.signing.jws.JwsException;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * A {@link TreeHead} signed by the node's Ed25519 key as a compact JWS ({@code alg} EdDSA).
 *
 * <p>Only {@link #sign} and {@link #verify} create instances, so holding one means the JWS was
 * either made here or checked against a public key.
 *
 * @param head what the signature commits to
 * @param jws the compact JWS whose payload is {@code head.toJson()}
 */
public record SignedTreeHead(TreeHead head, String jws) {

  public SignedTreeHead {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(jws, "jws");
  }

  /**
   * Signs {@code head}.
   *
   * @param kid key id for the JWS header, e.g. {@code subscriber|unique_key_id|ed25519}; null omits
   *     it
   */
  public static SignedTreeHead sign(TreeHead head, Ed25519KeyPair key, String kid) {
    return new SignedTreeHead(head, CompactJws.sign(head.toJson(), key, kid));
  }

  /**
   * Checks the signature of {@code jws} with {@code key} and reads the tree head it carries.
   *
   * @throws TreeHeadException if the JWS is malformed, its signature fails, or its payload is not a
   *     tree head
   */
  public static SignedTreeHead verify(String jws, Ed25519PublicKey key) throws TreeHeadException {
    byte[] payload;
    try {
      payload = CompactJws.verify(jws, key);
    } catch (JwsException e) {
      throw new TreeHeadException("signed tree head rejected: " + e.getMessage(), e);
    }
    try {
      return new SignedTreeHead(TreeHead.fromJson(payload), jws.strip());
    } catch (IllegalArgumentException e) {
      throw new TreeHeadException("signed tree head payload rejected: " + e.getMessage(), e);
    }
  }

  /** Shorthand for {@code head().treeSize()}. */
  public long treeSize() {
    return head.treeSize();
  }

  /** Shorthand for {@code head().rootHash()}. */
  public byte[] rootHash() {
    return head.rootHash();
  }
}
