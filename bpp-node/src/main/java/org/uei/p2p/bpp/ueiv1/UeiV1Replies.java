package org.uei.p2p.bpp.ueiv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * The seller's UEI v1 answers: the order as the codec writes it (quote from the catalog's prices),
 * from on_init on with the seller platform's payment terms, queued in the callback outbox to the
 * requester's {@code bap_uri} (which the inbound checks held to its registered URL).
 */
@ApplicationScoped
public class UeiV1Replies {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final UeiV1Codec codec = new UeiV1Codec();

  @Inject BppConfig config;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;

  /** The quoted order of on_select: no payment terms before init. */
  public UeiV1Message quote(TradeOrder order) {
    ObjectNode m = codec.orderMessage(order).toJson();
    ((ObjectNode) m.get("order")).remove("payments");
    return UeiV1Message.of(m);
  }

  /**
   * The quoted order with the seller's payment terms (on_init and later): the seller platform
   * collects after delivery, as platforms settle postpaid, at the UPI address, payment page or bank
   * account configured in {@code uei.bpp.settlement}.
   */
  public UeiV1Message withPaymentTerms(TradeOrder order) {
    ObjectNode m = codec.orderMessage(order).toJson();
    JsonNode payments = m.path("order").path("payments");
    if (payments.size() > 0 && payments.get(0) instanceof ObjectNode p) {
      BppConfig.Settlement s = config.settlement();
      s.paymentUrl().ifPresent(u -> p.put("url", u));
      ObjectNode params = (ObjectNode) p.get("params");
      s.vpa().ifPresent(v -> params.put("virtual_payment_address", v));
      s.accountNumber().ifPresent(v -> params.put("bank_account_number", v));
      s.ifsc().ifPresent(v -> params.put("bank_code", v));
    }
    return UeiV1Message.of(m);
  }

  /**
   * Queues the answer to {@code request}, naming this node as the seller platform (a search that
   * came through a gateway names none); {@code error} says why the answer refuses.
   */
  public void reply(UeiV1Context request, UeiV1Message message, BecknError error) {
    ObjectNode root = F.objectNode();
    root.set(
        "context",
        UeiV1Contexts.callbackFor(
            request, identity.subscriberId(), identity.publicUrl(), Clock.systemUTC()));
    root.set("message", message.toJson());
    if (error != null) {
      ObjectNode e = root.putObject("error").put("code", error.getCode());
      e.put("message", error.getMessage());
      if (error.getPaths() != null) {
        e.put("paths", error.getPaths());
      }
    }
    UeiV1Envelope callback;
    try {
      callback = UeiV1Envelope.fromTree(root);
    } catch (MessageParseException e) {
      throw new IllegalStateException("an answer this node built is not valid UEI v1 JSON", e);
    }
    outbox.enqueue(request.bapUri(), request.bapId(), callback);
  }
}
