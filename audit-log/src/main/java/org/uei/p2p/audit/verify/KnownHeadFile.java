package org.uei.p2p.audit.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Reads the signed tree heads a verifier was given or kept, in whichever form the holder has them:
 *
 * <ul>
 *   <li>compact JWS strings, one per line;
 *   <li>a JSON object with an {@code sth} member: what {@code GET /audit/sth} answers, what {@link
 *       #write} saves, or one {@link TreeHeadAnchor};
 *   <li>a JSON array of such objects or of JWS strings;
 *   <li>what a counterparty's {@code GET /audit/anchors?transaction_id=...} answers: the anchors
 *       the node sent with its messages, as the counterparty stored them;
 *   <li>an earlier export ({@value LogExport#FORMAT}): its {@code tree_heads}.
 * </ul>
 */
public final class KnownHeadFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KnownHeadFile() {}

  private record Labelled(String source, String jws) {}

  /**
   * The heads in {@code content}, each checked with the node's key.
   *
   * @param name how to name the file in messages
   * @param senderId when not null, anchors of other senders in an {@code /audit/anchors} answer are
   *     left out
   * @throws IllegalArgumentException when the content is none of the forms above, or holds no head
   * @throws TreeHeadException when a head does not verify with {@code nodeKey}, naming it
   */
  public static List<KnownHead> read(
      byte[] content, String name, String senderId, Ed25519PublicKey nodeKey)
      throws TreeHeadException {
    List<Labelled> found = new ArrayList<>();
    String text = new String(content, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{") || text.startsWith("[")) {
      JsonNode root;
      try {
        root = JSON.readTree(content);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(name + " is not valid JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      collect(root, content, name, senderId, found);
    } else {
      text.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .forEach(l -> found.add(new Labelled(name + " line " + (found.size() + 1), l)));
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          name + " holds no signed tree head" + (senderId == null ? "" : " of " + senderId));
    }
    List<KnownHead> heads = new ArrayList<>();
    for (Labelled f : found) {
      heads.add(KnownHead.verify(f.source(), f.jws(), nodeKey));
    }
    return heads;
  }

  private static void collect(
      JsonNode root, byte[] content, String name, String senderId, List<Labelled> found) {
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        found.add(new Labelled(name + "[" + i + "]", jws(root.get(i), name + "[" + i + "]")));
      }
    } else if (root.has("anchors")) {
      JsonNode anchors = root.get("anchors");
      for (int i = 0; i < anchors.size(); i++) {
        JsonNode a = anchors.get(i);
        if (senderId == null || senderId.equals(a.path("sender_id").asText(null))) {
          found.add(
              new Labelled(
                  name
                      + " anchor "
                      + i
                      + " ("
                      + a.path("action").asText("?")
                      + " of transaction "
                      + a.path("transaction_id").asText("?")
                      + ")",
                  jws(a.get("anchor"), name + " anchors[" + i + "].anchor")));
        }
      }
    } else if (LogExport.FORMAT.equals(root.path("format").asText(null))) {
      try {
        LogExport.stream(
            new ByteArrayInputStream(content),
            new LogExport.Visitor() {
              @Override
              public boolean treeHeads(List<String> jws) {
                for (int i = 0; i < jws.size(); i++) {
                  found.add(new Labelled(name + " tree head " + i, jws.get(i)));
                }
                return false;
              }

              @Override
              public boolean entry(long index, byte[] entry, byte[] leafHash) {
                return false;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      found.add(new Labelled(name, jws(root, name)));
    }
  }

  private static String jws(JsonNode node, String where) {
    if (node != null && node.isTextual()) {
      return node.asText();
    }
    JsonNode sth = node == null ? null : node.get("sth");
    if (sth == null || !sth.isTextual()) {
      throw new IllegalArgumentException(
          where + " is neither a compact JWS nor an object with an \"sth\" member");
    }
    return sth.asText();
  }

  /** The form {@code GET /audit/sth} serves, which {@link #read} reads back. */
  public static byte[] write(SignedTreeHead head) {
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(
              JSON.createObjectNode()
                  .put("tree_size", head.treeSize())
                  .put("root_hash", head.head().rootHashBase64())
                  .put("timestamp", head.head().timestamp().toString())
                  .put("sth", head.jws()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("serialising a small JSON object cannot fail", e);
    }
  }
}
