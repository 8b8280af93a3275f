package org.uei.p2p.audit.verify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.sth.SignedTreeHead;

/**
 * An offline dump of a log: what a node hands out (or its HTTP API serves page by page) so that
 * anyone can check it with {@link LogVerifier} and the node's public key.
 *
 * <p>JSON form ({@value #FORMAT}):
 *
 * <pre>
 * {"format": "uei-audit-log/1",
 *  "tree_heads": ["&lt;compact JWS&gt;", ...],            oldest first
 *  "entries": [{"index": 0, "entry": "&lt;base64 canonical bytes&gt;",
 *               "leaf_hash": "&lt;base64, as the node stored it&gt;"}, ...]}
 * </pre>
 *
 * <p>{@code leaf_hash} is optional; when present the verifier compares it with the hash it
 * recomputes, which pinpoints a changed entry at its own index even between two signed heads.
 *
 * @param entries canonical entry bytes, by index
 * @param leafHashes the stored leaf hash of each entry, or null where the dump has none
 * @param treeHeads signed tree head JWS strings, oldest first
 */
public record LogExport(List<byte[]> entries, List<byte[]> leafHashes, List<String> treeHeads) {

  /** Value of the {@code format} field. */
  public static final String FORMAT = "uei-audit-log/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  public LogExport {
    entries = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(entries, "entries")));
    leafHashes = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(leafHashes, "leafHashes")));
    treeHeads = List.copyOf(Objects.requireNonNull(treeHeads, "treeHeads"));
    if (entries.size() != leafHashes.size()) {
      throw new IllegalArgumentException("one leaf hash slot per entry: " + entries.size() + " entries, "
          + leafHashes.size() + " leaf hashes");
    }
  }

  /** Dumps every entry of {@code log} with its stored leaf hash, and the given signed heads. */
  public static LogExport of(MerkleLog log, List<SignedTreeHead> heads) {
    long size = log.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a log of " + size + " entries is too large for one export");
    }
    List<byte[]> entries = new ArrayList<>((int) size);
    List<byte[]> hashes = new ArrayList<>((int) size);
    for (long i = 0; i < size; i++) {
      entries.add(log.entry(i));
      hashes.add(log.leafHash(i));
    }
    return new LogExport(entries, hashes, heads.stream().map(SignedTreeHead::jws).toList());
  }

  /** Writes the JSON form, streaming. */
  public void write(OutputStream out) throws IOException {
    Base64.Encoder b64 = Base64.getEncoder();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeArrayFieldStart("tree_heads");
      for (String jws : treeHeads) {
        g.writeString(jws);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entries");
      for (int i = 0; i < entries.size(); i++) {
        g.writeStartObject();
        g.writeNumberField("index", i);
        g.writeStringField("entry", b64.encodeToString(entries.get(i)));
        if (leafHashes.get(i) != null) {
          g.writeStringField("leaf_hash", b64.encodeToString(leafHashes.get(i)));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException naming the first field that is missing or malformed
   */
  public static LogExport read(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("audit log export is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("audit log export must be a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException("audit log export format must be \"" + FORMAT + "\", not "
          + root.path("format"));
    }
    List<String> heads = new ArrayList<>();
    for (JsonNode h : array(root, "tree_heads")) {
      if (!h.isTextual()) {
        throw new IllegalArgumentException("tree_heads[" + heads.size() + "] must be a compact JWS string");
      }
      heads.add(h.asText());
    }
    List<byte[]> entries = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (JsonNode e : array(root, "entries")) {
      int i = entries.size();
      String where = "entries[" + i + "]";
      if (!e.isObject() || e.path("index").asLong(-1) != i || !e.path("index").isIntegralNumber()) {
        throw new IllegalArgumentException(where + " must be an object with \"index\": " + i);
      }
      entries.add(base64(e.get("entry"), where + ".entry"));
      JsonNode leaf = e.get("leaf_hash");
      hashes.add(leaf == null || leaf.isNull() ? null : base64(leaf, where + ".leaf_hash"));
    }
    return new LogExport(entries, hashes, heads);
  }

  private static JsonNode array(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("audit log export has no \"" + field + "\" array");
    }
    return node;
  }

  private static byte[] base64(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(where + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not base64: " + e.getMessage());
    }
  }
}
