package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.wave2.Catalog;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.SettlementTerm;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * What the buyer app reads of a wave-2 callback: the same summary as on wave 1 (the offers of an
 * on_discover, the order of a contract), plus what only wave 2 carries: the seller's payment terms,
 * the DISCOMs' allocations, the final quantities and the settlement's revenue flows.
 */
public final class Wave2Summaries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Wave2Summaries() {}

  /**
   * Fills {@code out} with the {@code error}, {@code summary} and {@code message} of a stored
   * callback when it is a wave-2 one; false (and {@code out} untouched) for another wire.
   */
  public static boolean describe(byte[] body, ObjectNode out) {
    Optional<Wave2Envelope> read = Wave2Callbacks.read(body);
    if (read.isEmpty()) {
      return false;
    }
    Wave2Message m = read.get().message();
    ClientResults.describe(
        Wave2Callbacks.refusal(read.get()), m == null ? null : m.toJson(), () -> summary(m), out);
    return true;
  }

  /**
   * The offers of an on_discover, each tagged with the seller whose catalog holds it (a discovery
   * service answers with the catalogs of several sellers; the buyer app orders from one of them).
   */
  private static ObjectNode offersBySeller(Wave2Message m) throws TradeCodecException {
    ArrayNode all = NODES.arrayNode();
    for (Catalog c : m.catalogs()) {
      ObjectNode one = NODES.objectNode();
      one.putArray("catalogs").add(c.toJson());
      JsonNode offers =
          ClientResults.offers(Wave2Network.reader().offers(Wave2Message.of(one))).get("offers");
      for (JsonNode o : offers) {
        if (c.bppId() != null) {
          ((ObjectNode) o).put("bppId", c.bppId());
        }
        all.add(o);
      }
    }
    return NODES.objectNode().set("offers", all);
  }

  private static ObjectNode summary(Wave2Message m) throws TradeCodecException {
    if (!m.catalogs().isEmpty() || m.contract() == null) {
      return offersBySeller(m);
    }
    TradeContract tc = Wave2Network.reader().contract(m);
    BigDecimal value = BigDecimal.ZERO;
    for (OrderLine l : tc.order().lines()) {
      value = value.add(l.price().perKwh().multiply(l.quantityKwh()));
    }
    ObjectNode s = NODES.objectNode();
    s.set("order", ClientResults.order(tc.order(), value));
    Contract c = m.contract();
    c.settlementTerm().ifPresent(t -> s.set("paymentTerms", terms(t)));
    if (!tc.allocations().isEmpty()) {
      ArrayNode a = s.putArray("allocations");
      for (Allocation x : tc.allocations()) {
        a.addObject()
            .put("tradeId", x.tradeId())
            .put("side", x.side().name())
            .put("meterId", x.meterId())
            .put("contractedKwh", x.contractedKwh())
            .put("allocatedKwh", x.allocatedKwh());
      }
    }
    if (!tc.finalKwh().isEmpty()) {
      ObjectNode f = s.putObject("finalKwh");
      tc.finalKwh().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(x -> f.put(x.getKey(), x.getValue()));
    }
    if (!tc.revenueFlows().isEmpty()) {
      ArrayNode r = s.putArray("revenueFlows");
      for (MoneyFlow f : tc.revenueFlows()) {
        r.addObject()
            .put("party", f.party().name())
            .put("amount", f.amount())
            .put("currency", f.currency().getCurrencyCode());
      }
    }
    return s;
  }

  private static ObjectNode terms(SettlementTerm t) {
    ObjectNode n = NODES.objectNode();
    SettlementTerm.PayTo to = t.payTo();
    putIfSet(n, "vpa", to.vpa());
    putIfSet(n, "paymentUrl", to.paymentUrl());
    putIfSet(n, "accountHolderName", to.accountHolderName());
    putIfSet(n, "accountNumber", to.accountNumber());
    putIfSet(n, "branchCode", to.branchCode());
    putIfSet(n, "bankName", to.bankName());
    if (!t.acceptedPaymentMethods().isEmpty()) {
      t.acceptedPaymentMethods().forEach(n.putArray("acceptedPaymentMethods")::add);
    }
    putIfSet(n, "paymentTrigger", t.paymentTrigger());
    return n;
  }

  private static void putIfSet(ObjectNode n, String name, String value) {
    if (value != null) {
      n.put(name, value);
    }
  }
}
