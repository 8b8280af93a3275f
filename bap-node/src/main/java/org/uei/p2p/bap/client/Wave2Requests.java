package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;

/**
 * Builds the wave-2 requests behind the client API: discover with a JSONPath intent, and for select
 * to cancel a contract drafted from what the transaction holds (the seller's offers, then its
 * latest on_select, on_init or on_confirm). The contract's policy and both ledger providers come
 * from {@link Wave2Network}; the seller's payment terms of on_init go back in confirm.
 */
@ApplicationScoped
public class Wave2Requests {

  /** The filter of a discover without one: every energy trade offer (the devkit's intent). */
  static final String ALL_OFFERS =
      "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\")";

  private static final String PACKS = "https://schema.nfh.global/";
  private static final List<String> SCHEMAS =
      List.of(
          PACKS + "EnergyTradeOffer/v2.0/context.jsonld",
          PACKS + "EnergyResource/v2.0/context.jsonld",
          PACKS + "EnergyCustomer/v2.0/context.jsonld",
          PACKS + "DEGContract/v2.0/context.jsonld",
          PACKS + "BecknTimeSeries/v1.0/context.jsonld",
          PACKS + "DiscomLedgerProvider/v1.0/context.jsonld");
  private static final String SETTLEMENT_TERM = PACKS + "SettlementTerm/2.0/context.jsonld";

  @Inject NodeIdentity identity;
  @Inject Wave2Network network;

  /**
   * Discover to each target (id to URL; {@link ClientRequest#ANY_BPP} for a discovery service), all
   * with {@code messageId} in transaction {@code txn}.
   */
  public List<Outgoing> discover(
      String filter, String txn, String messageId, Duration ttl, Map<String, String> targets) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.putObject("intent")
        .putObject("filters")
        .put("type", Wave2Message.Intent.JSONPATH)
        .put("expression", filter == null || filter.isBlank() ? ALL_OFFERS : filter);
    Wave2Message message = Wave2Message.of(m);
    List<Outgoing> out = new ArrayList<>();
    for (Map.Entry<String, String> t : targets.entrySet()) {
      boolean any = t.getKey().equals(ClientRequest.ANY_BPP);
      ObjectNode c =
          context(
              Wave2Action.DISCOVER,
              any ? null : t.getKey(),
              any ? null : t.getValue(),
              txn,
              ttl,
              SCHEMAS.subList(0, 5));
      c.put("messageId", messageId);
      out.add(Outgoing.of(t.getKey(), t.getValue(), Wave2Envelope.of(c, message)));
    }
    return out;
  }

  /** The wave-2 {@code action} (select to cancel) of the command, to the target BPP. */
  @Transactional
  public Outgoing order(
      Action action, ClientCommands.Order cmd, OrderBuilder.Target target, Duration ttl) {
    String txn = cmd.transactionId();
    String bpp = target.bppId();
    List<String> schemas = SCHEMAS;
    Wave2Message message =
        switch (action) {
          case SELECT -> draft(fromOffers(cmd, target));
          case INIT -> {
            TradeOrder order =
                cmd.items() != null && !cmd.items().isEmpty()
                    ? fromOffers(cmd, target)
                    : pending(contractOf(txn, bpp, "on_select").order());
            yield draft(order);
          }
          case CONFIRM -> {
            Wave2Message onInit = lastMessage(txn, bpp, "on_init");
            TradeOrder order = pending(read(onInit, "on_init").order());
            schemas = new ArrayList<>(SCHEMAS);
            schemas.add(SETTLEMENT_TERM);
            yield withPaymentTerms(draft(order), onInit.contract());
          }
          case STATUS, CANCEL -> draft(confirmed(cmd, txn, bpp));
          case UPDATE -> {
            if (cmd.quantityKwh() == null) {
              throw Refusal.invalid("quantityKwh (the new quantity) is required for update");
            }
            TradeOrder confirmed = confirmed(cmd, txn, bpp);
            List<OrderLine> lines = new ArrayList<>(confirmed.lines());
            OrderLine l = lines.get(0);
            lines.set(
                0,
                new OrderLine(
                    l.offerId(),
                    l.providerId(),
                    l.seller(),
                    l.slot(),
                    l.price(),
                    cmd.quantityKwh()));
            yield draft(confirmed.withLines(lines));
          }
          default -> throw Refusal.invalid(action + " is not a client request");
        };
    Wave2Action a =
        Wave2Action.fromWireName(action.wireName())
            .orElseThrow(() -> Refusal.invalid(action + " has no wave-2 twin"));
    ObjectNode c = context(a, bpp, target.bppUri(), txn, ttl, schemas);
    return Outgoing.of(bpp, target.bppUri(), Wave2Envelope.of(c, message));
  }

  private ObjectNode context(
      Wave2Action action,
      String bppId,
      String bppUri,
      String txn,
      Duration ttl,
      List<String> schemas) {
    return Wave2Contexts.newRequest(
        action,
        new Wave2Contexts.Parties(
            network.networkId(), identity.subscriberId(), identity.publicUrl(), bppId, bppUri),
        txn,
        ttl,
        schemas,
        Clock.systemUTC());
  }

  /** The contract message of {@code order}, its ledgers and policy this platform's own. */
  private Wave2Message draft(TradeOrder order) {
    String sellerDiscom = order.lines().get(0).seller().discomId();
    return network
        .codec(order.buyer().discomId(), sellerDiscom)
        .contractMessage(
            TradeContract.of(
                order,
                network.policy(),
                network.ledger(order.buyer().discomId()),
                network.ledger(sellerDiscom)));
  }

  /** Our contract with the seller's payment terms of on_init (settlements[], consideration[]). */
  private static Wave2Message withPaymentTerms(Wave2Message ours, Contract onInit) {
    ObjectNode m = ours.toJson();
    ObjectNode c = (ObjectNode) m.get("contract");
    ArrayNode terms = JsonNodeFactory.instance.arrayNode();
    for (var k : onInit.consideration()) {
      if (k != null && k.settlementTerm() != null) {
        terms.add(k.toJson());
      }
    }
    if (!terms.isEmpty()) {
      c.set("consideration", terms);
    }
    if (onInit.member("settlements") != null) {
      c.set("settlements", onInit.member("settlements"));
    }
    return Wave2Message.of(m);
  }

  private TradeOrder fromOffers(ClientCommands.Order cmd, OrderBuilder.Target target) {
    if (cmd.items() == null || cmd.items().isEmpty()) {
      throw Refusal.invalid("items (offerId, quantityKwh) are required");
    }
    ClientCommands.Buyer b = cmd.buyer();
    if (b == null || blank(b.id()) || blank(b.meterId()) || blank(b.discomId())) {
      throw Refusal.invalid("buyer (id, meterId, discomId) is required");
    }
    List<EnergyOffer> offers = new ArrayList<>();
    for (Wave2Envelope e :
        Wave2Callbacks.discovered(
            cmd.transactionId(), target.bppId(), network::isDiscoveryService)) {
      try {
        offers.addAll(Wave2Network.reader().offers(e.message()));
      } catch (TradeCodecException ex) {
        // A catalog this platform cannot read offers nothing to order from.
      }
    }
    List<OrderLine> lines = new ArrayList<>();
    for (ClientCommands.Item item : cmd.items()) {
      if (item == null
          || blank(item.offerId())
          || item.quantityKwh() == null
          || item.quantityKwh().signum() <= 0) {
        throw Refusal.invalid("each item needs an offerId and a quantityKwh above 0");
      }
      // A wave-2 offer spans several intervals; the item takes its quantity in each of them.
      List<EnergyOffer> intervals =
          offers.stream().filter(o -> o.offerId().equals(item.offerId())).toList();
      if (intervals.isEmpty()) {
        throw Refusal.notFound(
            "'"
                + target.bppId()
                + "' offered no '"
                + item.offerId()
                + "' in transaction '"
                + cmd.transactionId()
                + "'");
      }
      for (EnergyOffer o : intervals) {
        if (!o.price().currency().equals(network.currency())) {
          throw Refusal.invalid(
              "offer '"
                  + o.offerId()
                  + "' is priced in "
                  + o.price().currency()
                  + "; this platform trades in "
                  + network.currency());
        }
        lines.add(OrderLine.take(o, item.quantityKwh()));
      }
    }
    return new TradeOrder(
        null,
        TradeStatus.PENDING,
        identity.subscriberId(),
        target.bppId(),
        b.id(),
        new MeterPoint(b.meterId(), b.discomId()),
        lines);
  }

  private TradeOrder confirmed(ClientCommands.Order cmd, String txn, String bpp) {
    TradeOrder o = read(lastMessage(txn, bpp, "on_confirm"), "on_confirm").order();
    if (!blank(cmd.orderId()) && !cmd.orderId().equals(o.orderId())) {
      throw Refusal.notFound(
          "transaction '" + txn + "' has no contract '" + cmd.orderId() + "' with '" + bpp + "'");
    }
    return o;
  }

  private static TradeOrder pending(TradeOrder quoted) {
    return quoted.withOrderId(null).withStatus(TradeStatus.PENDING);
  }

  private TradeContract contractOf(String txn, String bpp, String action) {
    return read(lastMessage(txn, bpp, action), action);
  }

  private static Wave2Message lastMessage(String txn, String bpp, String action) {
    return Wave2Callbacks.last(txn, bpp, action)
        .map(Wave2Envelope::message)
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

  private static TradeContract read(Wave2Message m, String action) {
    try {
      return Wave2Network.reader().contract(m);
    } catch (TradeCodecException e) {
      throw Refusal.upstream("the " + action + " has no usable contract: " + e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
