package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.uei.p2p.bpp.beckn.OrderQuotes;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * The seller's wave-2 answers: the contract as the codec writes it, with the seller platform's
 * settlement terms from on_init on, queued in the callback outbox to the requester's {@code
 * bapUri}.
 */
@ApplicationScoped
public class Wave2Replies {

  /** The id of the consideration carrying the seller platform's payment terms. */
  public static final String SETTLEMENT_TERMS = "settlement-terms";

  private static final JsonNodeFactory F = new JsonNodeFactory(true);

  @Inject BppConfig config;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;

  /** {@code tc} as a contract message, with settlement terms when {@code withTerms}. */
  public Wave2Message contract(TradeContract tc, boolean withTerms) {
    ObjectNode m = new Wave2Codec(tc.policy(), java.util.List.of()).contractMessage(tc).toJson();
    if (withTerms) {
      ObjectNode contract = (ObjectNode) m.get("contract");
      ArrayNode consideration =
          contract.has("consideration")
              ? (ArrayNode) contract.get("consideration")
              : contract.putArray("consideration");
      consideration.insert(0, settlementTerms(tc));
    }
    return Wave2Message.of(m);
  }

  /**
   * The SettlementTerm consideration: where the buyer platform pays (UPI address, payment page or
   * bank account, as configured) and how much.
   */
  private ObjectNode settlementTerms(TradeContract tc) {
    BppConfig.Settlement s = config.settlement();
    ObjectNode c = F.objectNode().put("id", SETTLEMENT_TERMS);
    ObjectNode a =
        c.putObject("considerationAttributes")
            .put("@context", "https://schema.nfh.global/SettlementTerm/2.0/context.jsonld")
            .put("@type", SettlementTerm.TYPE);
    ObjectNode payTo = a.putObject("payTo");
    s.vpa().ifPresent(v -> payTo.put("vpa", v));
    s.paymentUrl().ifPresent(v -> payTo.put("paymentUrl", v));
    s.accountNumber().ifPresent(v -> payTo.put("accountNumber", v));
    s.ifsc().ifPresent(v -> payTo.put("branchCode", v));
    payTo.put("accountHolderName", s.accountHolder());
    s.bankName().ifPresent(v -> payTo.put("bankName", v));
    ArrayNode methods = a.putArray("acceptedPaymentMethods");
    if (s.vpa().isPresent()) {
      methods.add("UPI");
    }
    if (s.paymentUrl().isPresent()) {
      methods.add("PAYMENT_LINK");
    }
    if (s.accountNumber().isPresent()) {
      methods.add("BANK_TRANSFER");
    }
    a.put("paymentTrigger", "ON_FULFILLMENT").put("settlementStatus", "PENDING");
    a.putObject("amount")
        .put("value", OrderQuotes.total(tc.order()))
        .put("currency", tc.order().lines().get(0).price().currency().getCurrencyCode());
    return c;
  }

  /**
   * Queues an unsolicited on_status in the transaction of {@code o} to its buyer platform, with a
   * new message id, in the network the order was confirmed in.
   */
  public void unsolicited(org.uei.p2p.bpp.order.SellerOrder o, Wave2Message message) {
    unsolicited(o, org.uei.p2p.model.wave2.Wave2Action.ON_STATUS, message);
  }

  /**
   * Queues an unsolicited {@code action} (on_status or on_update) as {@link
   * #unsolicited(org.uei.p2p.bpp.order.SellerOrder, Wave2Message)} does.
   *
   * @return the message id it was given
   */
  public String unsolicited(
      org.uei.p2p.bpp.order.SellerOrder o,
      org.uei.p2p.model.wave2.Wave2Action action,
      Wave2Message message) {
    String messageId = java.util.UUID.randomUUID().toString();
    ObjectNode context =
        F.objectNode()
            .put("networkId", o.domain)
            .put("version", Wave2Context.VERSION)
            .put("action", action.wireName())
            .put("bapId", o.bapId)
            .put("bapUri", o.bapUri)
            .put("bppId", identity.subscriberId())
            .put("bppUri", identity.publicUrl())
            .put("transactionId", o.transactionId)
            .put("messageId", messageId)
            .put(
                "timestamp",
                java.time.Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                    .toString())
            .put("ttl", Wave2Contexts.DEFAULT_TTL.toString());
    ObjectNode root = F.objectNode();
    root.set("context", context);
    root.set("message", message.toJson());
    try {
      outbox.enqueue(o.bapUri, o.bapId, Wave2Envelope.fromTree(root));
    } catch (MessageParseException e) {
      throw new IllegalStateException(
          "an " + action.wireName() + " this node built is not valid wave-2 JSON", e);
    }
    return messageId;
  }

  /**
   * Queues the answer to {@code request}, naming this node as the seller platform (a discover that
   * came through a gateway names none); {@code error} says why the answer refuses.
   */
  public void reply(Wave2Context request, Wave2Message message, BecknError error) {
    ObjectNode context = Wave2Contexts.callbackFor(request, Clock.systemUTC());
    context.put("bppId", identity.subscriberId()).put("bppUri", identity.publicUrl());
    ObjectNode root = F.objectNode();
    root.set("context", context);
    root.set("message", message.toJson());
    if (error != null) {
      ObjectNode e = root.putObject("error");
      // The LTS pair and the BECKN-005 pair, as the synchronous NACK carries them.
      e.put("errorCode", error.getCode()).put("errorMessage", error.getMessage());
      e.put("code", error.getCode()).put("message", error.getMessage());
      if (error.getPaths() != null) {
        e.put("paths", error.getPaths());
      }
    }
    Wave2Envelope callback;
    try {
      callback = Wave2Envelope.fromTree(root);
    } catch (MessageParseException e) {
      throw new IllegalStateException("an answer this node built is not valid wave-2 JSON", e);
    }
    outbox.enqueue(request.bapUri(), request.bapId(), callback);
  }
}
