package org.uei.p2p.bap.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.audit.TreeHeadAnchors;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireReader;

/**
 * Builds the order of each request from what the transaction already holds: select from the offers
 * the BPP returned in on_discover, init and confirm from the last quote, status, update and cancel
 * from the confirmed order. The buyer app names offers and quantities, never wire JSON.
 */
@ApplicationScoped
public class OrderBuilder {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject NodeIdentity identity;
  @Inject RequestLedger ledger;
  @Inject TreeHeadAnchors anchors;
  @Inject Wave2Network wave2;

  /** The BPP a request goes to, its Beckn endpoint, and the wire the transaction speaks with it. */
  public record Target(String bppId, String bppUri, WireGeneration wire) {}

  /**
   * The BPP of the command, or the one this transaction already orders from; the wire is the one
   * its callbacks came on, else the one the transaction's last request to it went out on.
   */
  @Transactional
  public Target target(ClientCommands.Order cmd) {
    List<ClientRequest> rows = ledger.ofTransaction(cmd.transactionId());
    if (rows.isEmpty()) {
      throw Refusal.notFound("no transaction '" + cmd.transactionId() + "' on this platform");
    }
    String bpp = cmd.bppId();
    if (bpp == null || bpp.isBlank()) {
      bpp =
          rows.stream()
              .filter(r -> !r.action.equals("discover") && !r.action.equals("search"))
              .map(r -> r.key.bppId)
              .reduce((a, b) -> b)
              .orElseThrow(() -> Refusal.invalid("bppId is required for the first order request"));
    }
    String id = bpp;
    List<WireContext> heard = new ArrayList<>();
    for (StoredMessage m : StoredMessage.byTransaction(cmd.transactionId())) {
      if (m.direction == Direction.IN && id.equals(m.senderId)) {
        try {
          heard.add(WireReader.contextOf(m.body));
        } catch (MessageParseException e) {
          // Stored messages passed parsing when they arrived; skip one that no longer does.
        }
      }
    }
    if (heard.isEmpty()) {
      // The seller may have been found through the network's discovery service only.
      for (Wave2Envelope e :
          Wave2Callbacks.discovered(cmd.transactionId(), id, wave2::isDiscoveryService)) {
        try {
          heard.add(WireReader.contextOf(e.write()));
        } catch (MessageParseException ex) {
          // A catalog cut out of a readable on_discover stays readable; skip one that is not.
        }
      }
    }
    Optional<String> uri =
        rows.stream()
            .filter(r -> r.key.bppId.equals(id) && r.bppUri != null)
            .map(r -> r.bppUri)
            .findFirst();
    if (uri.isEmpty()) {
      uri = heard.stream().map(WireContext::bppUri).filter(u -> u != null).findFirst();
    }
    Optional<WireGeneration> wire =
        heard.isEmpty()
            ? rows.stream()
                .filter(r -> r.key.bppId.equals(id) || r.key.bppId.equals(ClientRequest.ANY_BPP))
                .map(r -> WireGeneration.fromShortName(r.wire).orElse(WireGeneration.DEG_WAVE1))
                .reduce((a, b) -> b)
            : Optional.of(heard.get(heard.size() - 1).wire());
    return new Target(
        id,
        uri.orElseThrow(
            () ->
                Refusal.notFound(
                    "transaction '"
                        + cmd.transactionId()
                        + "' has heard nothing from '"
                        + id
                        + "'")),
        wire.orElse(WireGeneration.DEG_WAVE1));
  }

  /** The message of {@code action} for the command. */
  @Transactional
  public Message message(Action action, ClientCommands.Order cmd, Target target) {
    return switch (action) {
      case SELECT -> codec.orderMessage(fromOffers(cmd, target));
      case INIT, CONFIRM -> {
        TradeOrder order =
            cmd.items() != null && !cmd.items().isEmpty()
                ? fromOffers(cmd, target)
                : pending(
                    lastOrder(
                        cmd.transactionId(),
                        target.bppId(),
                        action == Action.INIT ? "on_select" : "on_init"));
        Message m = codec.orderMessage(order);
        if (action == Action.CONFIRM) {
          anchors.attach(m);
        }
        yield m;
      }
      case STATUS, CANCEL -> {
        Order o = new Order();
        o.setId(orderId(cmd, target));
        yield new OrderMessage(o);
      }
      case UPDATE -> {
        if (cmd.quantityKwh() == null) {
          throw Refusal.invalid("quantityKwh (the new quantity) is required for update");
        }
        TradeOrder confirmed = lastOrder(cmd.transactionId(), target.bppId(), "on_confirm");
        List<OrderLine> lines = new ArrayList<>(confirmed.lines());
        OrderLine l = lines.get(0);
        lines.set(
            0,
            new OrderLine(
                l.offerId(), l.providerId(), l.seller(), l.slot(), l.price(), cmd.quantityKwh()));
        yield codec.orderMessage(confirmed.withOrderId(orderId(cmd, target)).withLines(lines));
      }
      default -> throw Refusal.invalid(action + " is not a client request");
    };
  }

  private TradeOrder fromOffers(ClientCommands.Order cmd, Target target) {
    List<EnergyOffer> offers = new ArrayList<>();
    for (Envelope<? extends Message> e :
        callbacks(cmd.transactionId(), target.bppId(), "on_discover")) {
      try {
        offers.addAll(codec.offers(e.getMessage()));
      } catch (TradeCodecException ex) {
        // A catalog this platform cannot read offers nothing to order from.
      }
    }
    return order(cmd, identity.subscriberId(), target.bppId(), offers);
  }

  /**
   * The order {@code cmd} asks of {@code bppId}: each item taken from {@code offers} (what the
   * seller's catalog callbacks of the transaction offered, on whichever wire), for the buyer it
   * names.
   *
   * @throws Refusal when an item or the buyer is missing, or an item names no offered offer
   */
  public static TradeOrder order(
      ClientCommands.Order cmd, String bapId, String bppId, List<EnergyOffer> offers) {
    if (cmd.items() == null || cmd.items().isEmpty()) {
      throw Refusal.invalid("items (offerId, quantityKwh) are required");
    }
    ClientCommands.Buyer b = cmd.buyer();
    if (b == null || blank(b.id()) || blank(b.meterId()) || blank(b.discomId())) {
      throw Refusal.invalid("buyer (id, meterId, discomId) is required");
    }
    List<OrderLine> lines = new ArrayList<>();
    for (ClientCommands.Item item : cmd.items()) {
      if (item == null
          || blank(item.offerId())
          || item.quantityKwh() == null
          || item.quantityKwh().signum() <= 0) {
        throw Refusal.invalid("each item needs an offerId and a quantityKwh above 0");
      }
      EnergyOffer offer =
          offers.stream()
              .filter(o -> o.offerId().equals(item.offerId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      Refusal.notFound(
                          "'"
                              + bppId
                              + "' offered no '"
                              + item.offerId()
                              + "' in transaction '"
                              + cmd.transactionId()
                              + "'"));
      lines.add(OrderLine.take(offer, item.quantityKwh()));
    }
    return new TradeOrder(
        null,
        TradeStatus.PENDING,
        bapId,
        bppId,
        b.id(),
        new MeterPoint(b.meterId(), b.discomId()),
        lines);
  }

  private static TradeOrder pending(TradeOrder quoted) {
    return quoted.withOrderId(null).withStatus(TradeStatus.PENDING);
  }

  private String orderId(ClientCommands.Order cmd, Target target) {
    if (!blank(cmd.orderId())) {
      return cmd.orderId();
    }
    return lastOrder(cmd.transactionId(), target.bppId(), "on_confirm").orderId();
  }

  private TradeOrder lastOrder(String txn, String bppId, String action) {
    List<Envelope<? extends Message>> found = callbacks(txn, bppId, action);
    for (int i = found.size() - 1; i >= 0; i--) {
      if (found.get(i).getError() == null) {
        try {
          return codec.order(found.get(i).getMessage());
        } catch (TradeCodecException e) {
          throw Refusal.upstream(
              "the " + action + " from '" + bppId + "' has no usable order: " + e.getMessage());
        }
      }
    }
    throw Refusal.conflict(
        "transaction '" + txn + "' has no successful " + action + " from '" + bppId + "' yet");
  }

  /**
   * Callbacks of a transaction from one BPP, oldest first; all actions when {@code action} is null.
   */
  private static List<Envelope<? extends Message>> callbacks(
      String txn, String bppId, String action) {
    List<Envelope<? extends Message>> out = new ArrayList<>();
    for (StoredMessage m : StoredMessage.byTransaction(txn)) {
      if (m.direction == Direction.IN
          && bppId.equals(m.senderId)
          && (action == null || action.equals(m.action))) {
        try {
          out.add(Envelopes.parse(m.body));
        } catch (MessageParseException e) {
          // Stored messages passed parsing when they arrived; skip one that no longer does.
        }
      }
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
