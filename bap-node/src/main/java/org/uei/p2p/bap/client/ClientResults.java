package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * What the buyer app reads back: for a request, its state per BPP and the callbacks that answered
 * it, each with the raw message and a plain summary (offers of an on_discover, the order of the
 * other callbacks); for a transaction, every callback including unsolicited ones.
 */
@ApplicationScoped
public class ClientResults {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Wave1Codec codec = new Wave1Codec();

  /** The result of the request with {@code messageId}; null when there is none. */
  @Transactional
  public ObjectNode ofRequest(String messageId) {
    List<ClientRequest> rows = ClientRequest.byMessageId(messageId);
    if (rows.isEmpty()) {
      return null;
    }
    ObjectNode out = NODES.objectNode();
    out.put("messageId", messageId);
    out.put("transactionId", rows.get(0).transactionId);
    out.put("action", rows.get(0).action);
    out.put("complete", complete(rows));
    out.set("requests", requests(rows));
    ArrayNode callbacks = out.putArray("callbacks");
    for (StoredMessage m : StoredMessage.byMessageId(messageId)) {
      if (m.direction == Direction.IN) {
        callbacks.add(callback(m));
      }
    }
    // UEI v1 (Beckn 1.1.0) discovers with search.
    if (rows.stream().anyMatch(r -> "discover".equals(r.action) || "search".equals(r.action))) {
      out.set("offers", mergedOffers(callbacks));
    }
    return out;
  }

  /**
   * The offers of every on_discover in one list, each tagged with the BPP that sells it: the one
   * its catalog names, else the one that answered.
   */
  private static ArrayNode mergedOffers(ArrayNode callbacks) {
    ArrayNode merged = NODES.arrayNode();
    for (JsonNode cb : callbacks) {
      for (JsonNode offer : cb.path("summary").path("offers")) {
        ObjectNode o = offer.deepCopy();
        if (!o.hasNonNull("bppId")) {
          o.put("bppId", cb.path("bppId").asText());
        }
        merged.add(o);
      }
    }
    return merged;
  }

  /** Every request and callback of a transaction; null when this platform has none. */
  @Transactional
  public ObjectNode ofTransaction(String transactionId) {
    List<ClientRequest> rows = ClientRequest.byTransaction(transactionId);
    if (rows.isEmpty()) {
      return null;
    }
    ObjectNode out = NODES.objectNode();
    out.put("transactionId", transactionId);
    out.set("requests", requests(rows));
    ArrayNode callbacks = out.putArray("callbacks");
    for (StoredMessage m : StoredMessage.byTransaction(transactionId)) {
      if (m.direction == Direction.IN) {
        callbacks.add(callback(m));
      }
    }
    return out;
  }

  /** True when no request row is still waiting for an HTTP answer or a callback. */
  static boolean complete(List<ClientRequest> rows) {
    return rows.stream()
        .noneMatch(r -> r.status == RequestStatus.SENDING || r.status == RequestStatus.ACKED);
  }

  private static ArrayNode requests(List<ClientRequest> rows) {
    ArrayNode a = NODES.arrayNode();
    for (ClientRequest r : rows) {
      ObjectNode n = a.addObject();
      n.put("messageId", r.key.messageId);
      n.put("action", r.action);
      n.put("bppId", r.key.bppId);
      n.put("status", r.status.name());
      if (r.errorCode != null || r.errorMessage != null) {
        ObjectNode e = n.putObject("error").put("code", r.errorCode).put("message", r.errorMessage);
        if (r.errorPaths != null) {
          e.put("paths", r.errorPaths);
        }
      }
      n.put("expiresAt", r.expiresAt.toString());
    }
    return a;
  }

  private ObjectNode callback(StoredMessage m) {
    ObjectNode n = NODES.objectNode();
    n.put("action", m.action);
    n.put("bppId", m.senderId);
    n.put("messageId", m.messageId);
    n.put("receivedAt", m.createdAt.toString());
    if (Wave2Summaries.describe(m.body, n)
        || org.uei.p2p.bap.ueiv1.UeiV1Summaries.describe(m.body, n)) {
      return n;
    }
    try {
      Envelope<? extends Message> e = Envelopes.parse(m.body);
      if (e.getError() != null) {
        n.set("error", BecknJson.toTree(e.getError()));
      }
      n.set("summary", summary(e.getMessage()));
      n.set("message", BecknJson.toTree(e.getMessage()));
    } catch (MessageParseException | TradeCodecException | RuntimeException ex) {
      n.put("summaryError", ex.getMessage());
    }
    return n;
  }

  private JsonNode summary(Message message) throws TradeCodecException {
    if (message instanceof CatalogMessage) {
      return offers(codec.offers(message));
    }
    if (message instanceof OrderMessage om
        && om.getOrder() != null
        && om.getOrder().getOrderItems() != null) {
      ObjectNode o =
          order(
              codec.order(message),
              om.getOrder().getOrderValue() == null
                  ? null
                  : om.getOrder().getOrderValue().getValue());
      return NODES.objectNode().set("order", o);
    }
    return NODES.nullNode();
  }

  /** How a wire's callback is summed up for the buyer app; may fail on what it cannot read. */
  @FunctionalInterface
  public interface Summary {
    JsonNode of() throws TradeCodecException;
  }

  /**
   * Fills {@code out} with a callback as the buyer app reads it, whichever wire it came on: the
   * seller's {@code error}, the {@code summary} (or {@code summaryError} when it cannot be read)
   * and the {@code message} as received.
   */
  public static void describe(
      Optional<BecknError> refusal, JsonNode message, Summary summary, ObjectNode out) {
    refusal.ifPresent(
        err -> {
          ObjectNode n = out.putObject("error");
          n.put("code", err.getCode()).put("message", err.getMessage());
          if (err.getPaths() != null) {
            n.put("paths", err.getPaths());
          }
        });
    try {
      out.set("summary", message == null ? NODES.nullNode() : summary.of());
    } catch (TradeCodecException | RuntimeException ex) {
      out.put("summaryError", ex.getMessage());
    }
    if (message != null) {
      out.set("message", message);
    }
  }

  /** The summary of offers the buyer app reads, whichever wire they came on. */
  public static ObjectNode offers(List<EnergyOffer> found) {
    ArrayNode offers = NODES.arrayNode();
    for (EnergyOffer o : found) {
      offers
          .addObject()
          .put("offerId", o.offerId())
          .put("providerId", o.providerId())
          .put("sellerMeterId", o.seller().meterId())
          .put("sellerDiscomId", o.seller().discomId())
          .put("slotStart", o.slot().start().toString())
          .put("slotEnd", o.slot().end().toString())
          .put("pricePerKwh", o.price().perKwh())
          .put("currency", o.price().currency().getCurrencyCode())
          .put("maxKwh", o.maxQuantityKwh())
          .put("validUntil", o.validUntil().toString());
    }
    return NODES.objectNode().set("offers", offers);
  }

  /** The summary of an order the buyer app reads, whichever wire it came on. */
  public static ObjectNode order(TradeOrder t, BigDecimal orderValue) {
    ObjectNode o = NODES.objectNode();
    o.put("orderId", t.orderId());
    o.put("status", t.status().name());
    o.put("buyerMeterId", t.buyer().meterId());
    o.put("totalKwh", t.totalKwh());
    if (orderValue != null) {
      o.put("orderValue", orderValue);
    }
    ArrayNode lines = o.putArray("lines");
    for (OrderLine l : t.lines()) {
      lines
          .addObject()
          .put("offerId", l.offerId())
          .put("quantityKwh", l.quantityKwh())
          .put("pricePerKwh", l.price().perKwh())
          .put("slotStart", l.slot().start().toString());
    }
    return o;
  }
}
