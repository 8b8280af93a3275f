package org.uei.p2p.bap.ueiv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bap.BapConfig;
import org.uei.p2p.bap.client.ClientCommands;
import org.uei.p2p.bap.client.ClientRequest;
import org.uei.p2p.bap.client.OrderBuilder;
import org.uei.p2p.bap.client.Outgoing;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;

/**
 * Builds the UEI v1 (Beckn 1.1.0) requests behind the client API: search for discover, and select
 * to status as the classic order drafted from what the transaction holds (the seller's on_search,
 * then its latest on_select or on_init, then the confirmed order's id). Confirm carries the
 * seller's payment terms of on_init back, accepting them. Update and cancel are not offered on this
 * wire yet.
 */
@ApplicationScoped
public class UeiV1Requests {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final UeiV1Codec codec = new UeiV1Codec();

  @Inject NodeIdentity identity;
  @Inject BapConfig config;

  /**
   * Search to each target (id to URL; {@link ClientRequest#ANY_BPP} for a gateway), all with {@code
   * messageId} in transaction {@code txn}: an intent for energy delivery, every offer.
   */
  public List<Outgoing> search(
      String txn, String messageId, Duration ttl, Map<String, String> targets) {
    ObjectNode m = F.objectNode();
    m.putObject("intent").putObject("fulfillment").put("type", "ENERGY_DELIVERY");
    UeiV1Message message = UeiV1Message.of(m);
    List<Outgoing> out = new ArrayList<>();
    for (Map.Entry<String, String> t : targets.entrySet()) {
      boolean any = t.getKey().equals(ClientRequest.ANY_BPP);
      ObjectNode c =
          UeiV1Contexts.newRequest(
              UeiV1Action.SEARCH,
              parties(any ? null : t.getKey(), any ? null : t.getValue()),
              txn,
              ttl,
              Clock.systemUTC());
      c.put("message_id", messageId);
      out.add(Outgoing.of(t.getKey(), t.getValue(), UeiV1Envelope.of(c, message)));
    }
    return out;
  }

  /** The UEI v1 {@code action} (select to status) of the command, to the target BPP. */
  @Transactional
  public Outgoing order(
      Action action, ClientCommands.Order cmd, OrderBuilder.Target target, Duration ttl) {
    String txn = cmd.transactionId();
    String bpp = target.bppId();
    UeiV1Message message =
        switch (action) {
          case SELECT -> orderMessage(fromOffers(cmd, target));
          case INIT ->
              orderMessage(
                  cmd.items() != null && !cmd.items().isEmpty()
                      ? fromOffers(cmd, target)
                      : pending(read(last(txn, bpp, "on_select"), "on_select")));
          case CONFIRM -> {
            UeiV1Message onInit = last(txn, bpp, "on_init");
            yield withPaymentTerms(orderMessage(pending(read(onInit, "on_init"))), onInit);
          }
          case STATUS -> UeiV1Message.of(F.objectNode().put("order_id", orderId(cmd, txn, bpp)));
          default ->
              throw Refusal.invalid(
                  action.wireName() + " is not offered on UEI v1 (Beckn 1.1.0) by this platform");
        };
    UeiV1Action a =
        UeiV1Action.fromWireName(action.wireName())
            .orElseThrow(() -> Refusal.invalid(action + " has no UEI v1 twin"));
    ObjectNode c =
        UeiV1Contexts.newRequest(a, parties(bpp, target.bppUri()), txn, ttl, Clock.systemUTC());
    return Outgoing.of(bpp, target.bppUri(), UeiV1Envelope.of(c, message));
  }

  private UeiV1Contexts.Parties parties(String bppId, String bppUri) {
    return new UeiV1Contexts.Parties(
        identity.subscriberId(),
        identity.publicUrl(),
        bppId,
        bppUri,
        config.ueiV1().countryCode(),
        config.ueiV1().cityCode());
  }

  private UeiV1Message orderMessage(TradeOrder order) {
    try {
      return codec.orderMessage(order);
    } catch (IllegalArgumentException e) {
      // One provider and one currency per Beckn 1.1.0 order.
      throw Refusal.invalid(e.getMessage());
    }
  }

  /** Our order with the seller's payment terms of on_init in place of the codec's. */
  private static UeiV1Message withPaymentTerms(UeiV1Message ours, UeiV1Message onInit) {
    JsonNode terms = onInit.toJson().path("order").path("payments");
    if (!terms.isArray() || terms.isEmpty()) {
      return ours;
    }
    ObjectNode m = ours.toJson();
    ((ObjectNode) m.get("order")).set("payments", terms);
    return UeiV1Message.of(m);
  }

  private TradeOrder fromOffers(ClientCommands.Order cmd, OrderBuilder.Target target) {
    List<EnergyOffer> offers = new ArrayList<>();
    for (UeiV1Envelope e : UeiV1Callbacks.of(cmd.transactionId(), target.bppId(), "on_search")) {
      try {
        offers.addAll(codec.offers(e.message()));
      } catch (TradeCodecException ex) {
        // A catalog this platform cannot read offers nothing to order from.
      }
    }
    return OrderBuilder.order(cmd, identity.subscriberId(), target.bppId(), offers);
  }

  private String orderId(ClientCommands.Order cmd, String txn, String bpp) {
    if (!blank(cmd.orderId())) {
      return cmd.orderId();
    }
    return read(last(txn, bpp, "on_confirm"), "on_confirm").orderId();
  }

  private static TradeOrder pending(TradeOrder quoted) {
    return quoted.withOrderId(null).withStatus(TradeStatus.PENDING);
  }

  private static UeiV1Message last(String txn, String bpp, String action) {
    return UeiV1Callbacks.last(txn, bpp, action)
        .map(UeiV1Envelope::message)
        .orElseThrow(
            () ->
                Refusal.conflict(
                    "transaction '"
                        + txn
                        + "' has no successful "
                        + action
                        + " from '"
                        + bpp
                        + "' yet"));
  }

  private TradeOrder read(UeiV1Message m, String action) {
    try {
      return codec.order(m);
    } catch (TradeCodecException e) {
      throw Refusal.upstream("the " + action + " has no usable order: " + e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
