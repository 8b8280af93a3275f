package org.uei.p2p.audit.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * The reference to a node's current signed tree head that it puts into the order attributes of each
 * {@code on_status}/{@code on_confirm} it sends. The receiver stores it; later either side can show
 * what the sender's log had committed to at that moment, and demand consistency proofs from it.
 *
 * <p>Wire form, as property {@value #PROPERTY} of the order attributes object: {@code {"tree_size":
 * n, "root_hash": "<base64>", "sth": "<compact JWS>"}}. Size and root are repeated outside the JWS
 * so that a reader can index anchors without verifying them first; {@link #verify} checks they
 * agree with the signed payload.
 *
 * @param treeSize the tree size the anchor claims
 * @param rootHash the root hash the anchor claims
 * @param sth the signed tree head JWS
 */
public record TreeHeadAnchor(long treeSize, byte[] rootHash, String sth) {

  /** Name of the order attribute that carries the anchor. */
  public static final String PROPERTY = "audit_log_anchor";

  public TreeHeadAnchor {
    if (treeSize < 0) {
      throw new IllegalArgumentException("anchor tree_size must not be negative: " + treeSize);
    }
    Objects.requireNonNull(rootHash, "rootHash");
    if (rootHash.length != 32) {
      throw new IllegalArgumentException(
          "anchor root_hash must have 32 bytes, not " + rootHash.length);
    }
    rootHash = rootHash.clone();
    if (sth == null || sth.isBlank()) {
      throw new IllegalArgumentException("anchor has no sth");
    }
  }

  /** The anchor for a tree head this node signed. */
  public static TreeHeadAnchor of(SignedTreeHead head) {
    return new TreeHeadAnchor(head.treeSize(), head.rootHash(), head.jws());
  }

  /** A copy of the claimed root hash. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The anchor as its JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("tree_size", treeSize);
    node.put("root_hash", Base64.getEncoder().encodeToString(rootHash));
    node.put("sth", sth);
    return node;
  }

  /**
   * Sets the {@value #PROPERTY} property of {@code orderAttributes} to this anchor, replacing any
   * old one.
   */
  public void addTo(ObjectNode orderAttributes) {
    orderAttributes.set(PROPERTY, toJson());
  }

  /**
   * Reads the anchor from an order attributes object.
   *
   * @return empty when the attributes carry no anchor
   * @throws IllegalArgumentException when an anchor is present but malformed, naming the field
   */
  public static Optional<TreeHeadAnchor> readFrom(JsonNode orderAttributes) {
    JsonNode node = orderAttributes == null ? null : orderAttributes.get(PROPERTY);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(fromJson(node));
  }

  /**
   * Parses the anchor object itself.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static TreeHeadAnchor fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(PROPERTY + " must be a JSON object");
    }
    JsonNode size = node.get("tree_size");
    if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong()) {
      throw new IllegalArgumentException(PROPERTY + ".tree_size must be an integer");
    }
    JsonNode root = node.get("root_hash");
    if (root == null || !root.isTextual()) {
      throw new IllegalArgumentException(PROPERTY + ".root_hash must be a base64 string");
    }
    JsonNode sth = node.get("sth");
    if (sth == null || !sth.isTextual()) {
      throw new IllegalArgumentException(PROPERTY + ".sth must be a compact JWS string");
    }
    return new TreeHeadAnchor(size.asLong(), TreeHead.decodeHash(root.asText()), sth.asText());
  }

  /**
   * Checks the JWS with the sender's public key and that the claimed size and root are the signed
   * ones.
   *
   * @return the verified signed tree head
   * @throws TreeHeadException saying what did not hold
   */
  public SignedTreeHead verify(Ed25519PublicKey senderKey) throws TreeHeadException {
    SignedTreeHead head = SignedTreeHead.verify(sth, senderKey);
    if (head.treeSize() != treeSize) {
      throw new TreeHeadException(
          "anchor claims tree_size "
              + treeSize
              + " but its signed tree head says "
              + head.treeSize());
    }
    if (!MessageDigest.isEqual(head.rootHash(), rootHash)) {
      throw new TreeHeadException(
          "anchor root_hash differs from the root_hash of its signed tree head");
    }
    return head;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreeHeadAnchor a
        && treeSize == a.treeSize
        && Arrays.equals(rootHash, a.rootHash)
        && sth.equals(a.sth);
  }

  @Override
  public int hashCode() {
    return Objects.hash(treeSize, Arrays.hashCode(rootHash), sth);
  }
}
