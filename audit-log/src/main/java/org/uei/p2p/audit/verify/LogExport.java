package org.uei.p2p.audit.verify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import org.uei.p2p.audit.verify.VerificationReport.Problem;

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
 * <p>Fields appear in this order, which lets {@link #stream} read a dump of any size. {@code
 * leaf_hash} is optional; when present the verifier compares it with the hash it recomputes, which
 * pinpoints a changed entry at its own index even between two signed heads.
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
    entries =
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(entries, "entries")));
    leafHashes =
        Collections.unmodifiableList(
            new ArrayList<>(Objects.requireNonNull(leafHashes, "leafHashes")));
    treeHeads = List.copyOf(Objects.requireNonNull(treeHeads, "treeHeads"));
    if (entries.size() != leafHashes.size()) {
      throw new IllegalArgumentException(
          "one leaf hash slot per entry: "
              + entries.size()
              + " entries, "
              + leafHashes.size()
              + " leaf hashes");
    }
  }

  /** Dumps every entry of {@code log} with its stored leaf hash, and the given signed heads. */
  public static LogExport of(MerkleLog log, List<SignedTreeHead> heads) {
    long size = log.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "a log of " + size + " entries is too large for one export");
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
   * Reads the JSON form into memory.
   *
   * @throws IllegalArgumentException naming the first field that is missing or malformed
   */
  public static LogExport read(InputStream in) throws IOException {
    List<String> heads = new ArrayList<>();
    List<byte[]> entries = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    stream(
        in,
        new Visitor() {
          @Override
          public boolean treeHeads(List<String> jws) {
            heads.addAll(jws);
            return true;
          }

          @Override
          public boolean entry(long index, byte[] entry, byte[] leafHash) {
            entries.add(entry);
            hashes.add(leafHash);
            return true;
          }
        });
    return new LogExport(entries, hashes, heads);
  }

  /** Receives an export piece by piece from {@link #stream}; returning false stops reading. */
  public interface Visitor {
    /** All signed tree heads, oldest first; called once, before any entry. */
    boolean treeHeads(List<String> jws);

    /** One entry, in index order; {@code leafHash} is null when the export has none for it. */
    boolean entry(long index, byte[] entry, byte[] leafHash);
  }

  /**
   * Reads the JSON form without holding it in memory, so that dumps of millions of entries can be
   * checked. Fields must come in the order {@link #write} puts them: {@code format}, {@code
   * tree_heads}, {@code entries}.
   *
   * @throws IllegalArgumentException naming the first field that is missing, malformed or out of
   *     order; for a problem of one entry (an index that is not the next one, bytes that are not
   *     base64) a subclass that {@link LogVerifier} reports as a failure at that entry
   */
  public static void stream(InputStream in, Visitor visitor) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("audit log export must be a JSON object");
      }
      int stage = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "format" -> {
            if (p.currentToken() != JsonToken.VALUE_STRING || !FORMAT.equals(p.getText())) {
              throw new IllegalArgumentException(
                  "audit log export format must be \"" + FORMAT + "\", not " + p.readValueAsTree());
            }
            stage = 1;
          }
          case "tree_heads" -> {
            requireStage(stage, 1, "tree_heads", "format");
            if (!visitor.treeHeads(readHeads(p))) {
              return;
            }
            stage = 2;
          }
          case "entries" -> {
            requireStage(stage, 2, "entries", "tree_heads");
            if (!readEntries(p, visitor)) {
              return;
            }
            stage = 3;
          }
          default -> p.skipChildren();
        }
      }
      if (stage < 3) {
        throw new IllegalArgumentException("audit log export has no \"entries\" array");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "audit log export is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void requireStage(int stage, int needed, String field, String before) {
    if (stage != needed) {
      throw new IllegalArgumentException(
          "audit log export: \"" + field + "\" must come once, right after \"" + before + "\"");
    }
  }

  private static List<String> readHeads(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("audit log export has no \"tree_heads\" array");
    }
    List<String> heads = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw new IllegalArgumentException(
            "tree_heads[" + heads.size() + "] must be a compact JWS string");
      }
      heads.add(p.getText());
    }
    return heads;
  }

  private static boolean readEntries(JsonParser p, Visitor visitor) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("audit log export has no \"entries\" array");
    }
    long i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String where = "entries[" + i + "]";
      JsonNode e = p.readValueAsTree();
      if (e == null || !e.isObject() || !e.path("index").isIntegralNumber()) {
        throw new ExportEntryException(
            Problem.MALFORMED_ENTRY, i, where + " must be an object with \"index\": " + i);
      }
      long declared = e.path("index").asLong();
      if (declared != i) {
        throw new ExportEntryException(
            Problem.ENTRY_OUT_OF_SEQUENCE,
            i,
            where
                + " carries index "
                + declared
                + " where index "
                + i
                + " belongs: "
                + (declared > i
                    ? "entry " + i + " is missing from the export"
                    : "entry " + declared + " appears twice or out of order"));
      }
      JsonNode leaf = e.get("leaf_hash");
      byte[] leafHash =
          leaf == null || leaf.isNull() ? null : base64(leaf, i, where + ".leaf_hash");
      if (!visitor.entry(i, base64(e.get("entry"), i, where + ".entry"), leafHash)) {
        return false;
      }
      i++;
    }
    return true;
  }

  private static byte[] base64(JsonNode node, long index, String where) {
    if (node == null || !node.isTextual()) {
      throw new ExportEntryException(
          Problem.MALFORMED_ENTRY, index, where + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw new ExportEntryException(
          Problem.MALFORMED_ENTRY, index, where + " is not base64: " + e.getMessage());
    }
  }
}
