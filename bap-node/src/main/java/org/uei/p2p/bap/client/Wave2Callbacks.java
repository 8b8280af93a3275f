package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireDetector;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * The wave-2 callbacks a transaction holds, read back from the transaction store, and the error a
 * callback carries.
 */
public final class Wave2Callbacks {

  private Wave2Callbacks() {}

  /**
   * The wave-2 callbacks of {@code txn} from {@code bppId}, oldest first; every action when {@code
   * action} is null. Call inside a transaction.
   */
  static List<Wave2Envelope> of(String txn, String bppId, String action) {
    List<Wave2Envelope> out = new ArrayList<>();
    for (StoredMessage m : StoredMessage.byTransaction(txn)) {
      if (m.direction == Direction.IN
          && bppId.equals(m.senderId)
          && (action == null || action.equals(m.action))) {
        read(m.body).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The on_discover callbacks of {@code txn} that offer what {@code bppId} sells, oldest first: its
   * own, and those signed by the network's discovery service ({@code discoveryService} accepts its
   * subscriber id) cut to the catalogs it indexed for {@code bppId}, with a context naming that
   * seller. Nobody else may speak for another seller. Call inside a transaction.
   */
  static List<Wave2Envelope> discovered(
      String txn, String bppId, Predicate<String> discoveryService) {
    List<Wave2Envelope> out = new ArrayList<>();
    for (StoredMessage m : StoredMessage.byTransaction(txn)) {
      if (m.direction != Direction.IN || !"on_discover".equals(m.action)) {
        continue;
      }
      Optional<Wave2Envelope> e = read(m.body);
      if (e.isEmpty()) {
        continue;
      }
      if (bppId.equals(m.senderId)) {
        out.add(e.get());
      } else if (m.senderId != null && discoveryService.test(m.senderId)) {
        catalogsOf(e.get(), bppId).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The envelope with only {@code bppId}'s catalogs and a context naming it; empty if none. */
  private static Optional<Wave2Envelope> catalogsOf(Wave2Envelope e, String bppId) {
    ObjectNode tree = e.toJson().deepCopy();
    JsonNode catalogs = tree.path("message").path("catalogs");
    if (!catalogs.isArray() || !tree.path("context").isObject()) {
      return Optional.empty();
    }
    ArrayNode kept = tree.arrayNode();
    for (JsonNode c : catalogs) {
      if (bppId.equals(c.path("bppId").asText(null)) && c.hasNonNull("bppUri")) {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    ((ObjectNode) tree.get("message")).set("catalogs", kept);
    ((ObjectNode) tree.get("context"))
        .put("bppId", bppId)
        .put("bppUri", kept.get(0).get("bppUri").asText());
    try {
      return Optional.of(Wave2Envelope.fromTree(tree));
    } catch (MessageParseException ex) {
      return Optional.empty();
    }
  }

  /** The latest {@code action} of {@code txn} from {@code bppId} that carries no error. */
  static Optional<Wave2Envelope> last(String txn, String bppId, String action) {
    List<Wave2Envelope> found = of(txn, bppId, action);
    for (int i = found.size() - 1; i >= 0; i--) {
      if (found.get(i).member("error") == null) {
        return Optional.of(found.get(i));
      }
    }
    return Optional.empty();
  }

  /** A stored body read as wave 2; empty for a body of another wire. */
  static Optional<Wave2Envelope> read(byte[] body) {
    try {
      Wave2Envelope e = Wave2Envelope.parse(body);
      return WireDetector.detect(e.toJson()).generation() == WireGeneration.IES_WAVE2
          ? Optional.of(e)
          : Optional.empty();
    } catch (MessageParseException e) {
      // Stored messages passed parsing when they arrived; skip one that no longer does.
      return Optional.empty();
    }
  }

  /**
   * The error a callback carries instead of an answer (the LTS async error callback), if any: its
   * {@code errorCode}/{@code errorMessage} (or {@code code}/{@code message}) and {@code paths}.
   */
  public static Optional<BecknError> refusal(Wave2Envelope callback) {
    var e = callback.member("error");
    if (e == null || !e.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        BecknError.of(
            text(e, "errorCode", "code"), text(e, "errorMessage", "message"), text(e, "paths")));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode e, String... names) {
    for (String n : names) {
      if (e.path(n).isValueNode() && !e.path(n).isNull()) {
        return e.path(n).asText();
      }
    }
    return null;
  }
}
