package org.uei.p2p.audit.sth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.uei.p2p.audit.merkle.MerkleHashes;

/**
 * What a signed tree head commits to: the log had {@code treeSize} entries with root {@code
 * rootHash} at {@code timestamp}.
 *
 * <p>Its JWS payload is {@code {"tree_size":n,"root_hash":"<base64>","timestamp":"<ISO-8601
 * UTC>"}}.
 *
 * @param treeSize number of leaves
 * @param rootHash the 32-byte RFC 9162 root of those leaves
 * @param timestamp when the head was made
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TreeHead {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree_size must not be negative: " + treeSize);
    }
    Objects.requireNonNull(rootHash, "rootHash");
    if (rootHash.length != MerkleHashes.HASH_LENGTH) {
      throw new IllegalArgumentException("root_hash must have 32 bytes, not " + rootHash.length);
    }
    rootHash = rootHash.clone();
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** A copy of the root hash. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The root hash in standard base64, as it appears on the wire. */
  public String rootHashBase64() {
    return Base64.getEncoder().encodeToString(rootHash);
  }

  /** The JSON payload that gets signed. */
  public byte[] toJson() {
    ObjectNode node =
        JSON.createObjectNode()
            .put("tree_size", treeSize)
            .put("root_hash", rootHashBase64())
            .put("timestamp", timestamp.toString());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("serialising a small JSON object cannot fail", e);
    }
  }

  /**
   * Reads a payload written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException naming the missing or invalid field
   */
  public static TreeHead fromJson(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("tree head is not JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("tree head is not a JSON object");
    }
    JsonNode size = node.get("tree_size");
    if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong()) {
      throw new IllegalArgumentException("tree head has no integer tree_size");
    }
    return new TreeHead(
        size.asLong(), decodeHash(text(node, "root_hash")), parseTime(text(node, "timestamp")));
  }

  /** Decodes a base64 root hash, with a clear message when it is not one. */
  public static byte[] decodeHash(String base64) {
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("root_hash is not base64: " + e.getMessage());
    }
    if (hash.length != MerkleHashes.HASH_LENGTH) {
      throw new IllegalArgumentException("root_hash must have 32 bytes, not " + hash.length);
    }
    return hash;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("tree head has no text field " + field);
    }
    return value.asText();
  }

  private static Instant parseTime(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "tree head timestamp is not an ISO-8601 UTC instant: " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreeHead t
        && treeSize == t.treeSize
        && Arrays.equals(rootHash, t.rootHash)
        && timestamp.equals(t.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(treeSize, Arrays.hashCode(rootHash), timestamp);
  }

  @Override
  public String toString() {
    return "TreeHead[tree_size="
        + treeSize
        + ", root_hash="
        + rootHashBase64()
        + ", timestamp="
        + timestamp
        + "]";
  }
}
