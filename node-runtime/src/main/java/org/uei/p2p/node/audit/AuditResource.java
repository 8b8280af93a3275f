package org.uei.p2p.node.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Base64;
import java.util.List;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.LogEntry;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.entry.SignedMessageEntry;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.verify.LogExport;
import org.uei.p2p.model.json.BecknJson;

/**
 * The node's audit log over HTTP, enough for a counterparty to check it without trusting the node:
 * the signed head, entries, inclusion and consistency proofs, and a full export in the {@link
 * LogExport} format. Hashes and entry bytes are standard base64. Every read first appends the
 * messages stored so far that are still queued for the log, so it sees all of them.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  /** Most entries one page of {@code /audit/entries} returns. */
  static final int MAX_PAGE = 1000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Base64.Encoder B64 = Base64.getEncoder();

  @Inject AuditLog audit;
  @Inject AnchorStore anchors;

  /** The latest signed tree head; a new one is signed when the log has grown since the last. */
  @GET
  @Path("/sth")
  public ObjectNode signedTreeHead() {
    return headJson(audit.currentHead());
  }

  /**
   * Entries {@code from} to {@code to} (exclusive), or every entry of one {@code transaction_id}.
   */
  @GET
  @Path("/entries")
  public Response entries(
      @QueryParam("from") Long from,
      @QueryParam("to") Long to,
      @QueryParam("transaction_id") String transactionId) {
    audit.catchUp();
    ArrayNode list = JSON.arrayNode();
    if (transactionId != null && !transactionId.isBlank()) {
      for (long index : audit.store().indexesOf(transactionId)) {
        audit.store().range(index, index + 1).forEach(e -> list.add(entryJson(e)));
      }
    } else {
      long size = audit.size();
      long start = from == null ? 0 : from;
      long end = to == null ? Math.min(size, start + MAX_PAGE) : to;
      if (start < 0 || end < start || end > size) {
        return badRequest(
            "entries from " + start + " to " + end + " are outside the log's 0.." + size);
      }
      if (end - start > MAX_PAGE) {
        return badRequest("at most " + MAX_PAGE + " entries per request; use the export for more");
      }
      audit.store().range(start, end).forEach(e -> list.add(entryJson(e)));
    }
    ObjectNode out = JSON.objectNode();
    out.put("tree_size", audit.size());
    out.set("entries", list);
    return Response.ok(out).build();
  }

  /**
   * Inclusion proof of entry {@code index} in the tree of {@code tree_size} entries (default:
   * current).
   */
  @GET
  @Path("/proof/inclusion")
  public Response inclusion(
      @QueryParam("index") Long index, @QueryParam("tree_size") Long treeSize) {
    if (index == null) {
      return badRequest("query parameter index is required");
    }
    long size = treeSize == null ? audit.catchUp() : treeSize;
    InclusionProof proof;
    try {
      proof = audit.merkleLog().inclusionProof(index, size);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return badRequest(e.getMessage());
    }
    ObjectNode out = JSON.objectNode();
    out.put("leaf_index", proof.leafIndex());
    out.put("tree_size", proof.treeSize());
    out.put("leaf_hash", B64.encodeToString(audit.merkleLog().leafHash(index)));
    out.set("audit_path", hashes(proof.path()));
    return Response.ok(out).build();
  }

  /** Consistency proof from the tree of {@code first} entries to that of {@code second}. */
  @GET
  @Path("/proof/consistency")
  public Response consistency(@QueryParam("first") Long first, @QueryParam("second") Long second) {
    if (first == null || second == null) {
      return badRequest("query parameters first and second are required");
    }
    audit.catchUp();
    ConsistencyProof proof;
    try {
      proof = audit.merkleLog().consistencyProof(first, second);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return badRequest(e.getMessage());
    }
    ObjectNode out = JSON.objectNode();
    out.put("first", proof.firstSize());
    out.put("second", proof.secondSize());
    out.set("consistency_path", hashes(proof.path()));
    return Response.ok(out).build();
  }

  /** Tree head anchors received from counterparties with messages of {@code transaction_id}. */
  @GET
  @Path("/anchors")
  public Response anchors(@QueryParam("transaction_id") String transactionId) {
    if (transactionId == null || transactionId.isBlank()) {
      return badRequest("query parameter transaction_id is required");
    }
    ArrayNode list = JSON.arrayNode();
    for (AnchorStore.ReceivedAnchor a : anchors.byTransaction(transactionId)) {
      ObjectNode node = list.addObject();
      node.put("transaction_id", a.transactionId());
      node.put("message_id", a.messageId());
      node.put("action", a.action());
      node.put("sender_id", a.senderId());
      node.put("received_at", a.receivedAt().toString());
      node.set("anchor", a.anchor().toJson());
    }
    return Response.ok(JSON.objectNode().set("anchors", list)).build();
  }

  /**
   * The whole log in the {@value LogExport#FORMAT} format, streamed page by page: every signed head
   * up to the size read first, then every entry below that size with its stored leaf hash.
   */
  @GET
  @Path("/export")
  public Response export() {
    long size = audit.catchUp();
    List<SignedTreeHead> heads = audit.headsUpTo(size);
    StreamingOutput body =
        out -> {
          try (JsonGenerator g =
              BecknJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", LogExport.FORMAT);
            g.writeArrayFieldStart("tree_heads");
            for (SignedTreeHead h : heads) {
              g.writeString(h.jws());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            for (long from = 0; from < size; from += MAX_PAGE) {
              for (JdbcLogStore.StoredEntry e :
                  audit.store().range(from, Math.min(size, from + MAX_PAGE))) {
                g.writeStartObject();
                g.writeNumberField("index", e.index());
                g.writeStringField("entry", B64.encodeToString(e.entry()));
                if (e.leafHash() != null) {
                  g.writeStringField("leaf_hash", B64.encodeToString(e.leafHash()));
                }
                g.writeEndObject();
              }
            }
            g.writeEndArray();
            g.writeEndObject();
          }
        };
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }

  static ObjectNode headJson(SignedTreeHead head) {
    ObjectNode out = JSON.objectNode();
    out.put("tree_size", head.treeSize());
    out.put("root_hash", head.head().rootHashBase64());
    out.put("timestamp", head.head().timestamp().toString());
    out.put("sth", head.jws());
    return out;
  }

  private static ObjectNode entryJson(JdbcLogStore.StoredEntry e) {
    ObjectNode node = JSON.objectNode();
    node.put("index", e.index());
    node.put("entry", B64.encodeToString(e.entry()));
    if (e.leafHash() != null) {
      node.put("leaf_hash", B64.encodeToString(e.leafHash()));
    }
    LogEntry decoded;
    try {
      decoded = EntryCodec.decode(e.entry());
    } catch (RuntimeException bad) {
      // Served anyway: the stored bytes are the evidence, and a verifier will name this index.
      node.put("decode_error", String.valueOf(bad.getMessage()));
      return node;
    }
    node.put("timestamp", decoded.timestamp().toString());
    node.put("transaction_id", decoded.transactionId());
    if (decoded instanceof SignedMessageEntry m) {
      node.put("type", "message");
      node.put("direction", m.direction().name());
      node.put("action", m.action());
      node.put("message_id", m.messageId());
    } else if (decoded instanceof RecordEntry r) {
      node.put("type", "record");
      node.put("kind", r.kind().name());
      node.put("record_id", r.recordId());
    }
    return node;
  }

  private static ArrayNode hashes(List<byte[]> path) {
    ArrayNode out = JSON.arrayNode();
    path.forEach(h -> out.add(B64.encodeToString(h)));
    return out;
  }

  private static Response badRequest(String message) {
    return Response.status(400)
        .entity(JSON.objectNode().put("error", message))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
