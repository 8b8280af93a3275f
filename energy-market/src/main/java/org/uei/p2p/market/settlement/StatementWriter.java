package org.uei.p2p.market.settlement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.uei.p2p.model.trade.SettlementLine;

/**
 * Writes a {@link SettlementStatement} as JSON (for platforms and APIs) and as CSV (for finance
 * teams). Amounts are written with their paisa, kWh with {@link Figures#KWH_SCALE} decimals, rates
 * as configured, times as UTC ISO-8601. A curtailed trade shows the kWh the DISCOM curtailed and
 * why; deviation is owed only on what was contracted beyond that.
 */
public final class StatementWriter {
  /** Header of the CSV form: one row per money line. */
  public static final String CSV_HEADER =
      "trade_id,slot_start,slot_end,buyer_platform,seller_platform,curtailed_kwh,type,payer,payee,quantity_kwh,"
          + "rate_per_kwh,amount,currency";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatementWriter() {}

  /** The statement as a JSON document. */
  public static String toJson(SettlementStatement st) {
    ObjectNode root = JSON.createObjectNode();
    root.put("platformId", st.platformId());
    root.put("periodStart", st.periodStart().toString());
    root.put("periodEnd", st.periodEnd().toString());
    root.put("generatedAt", st.generatedAt().toString());
    ArrayNode trades = root.putArray("trades");
    for (TradeSettlement s : st.trades()) {
      ObjectNode t = trades.addObject();
      t.put("tradeId", s.trade().tradeId());
      t.put("buyerPlatformId", s.trade().buyerPlatformId());
      t.put("sellerPlatformId", s.trade().sellerPlatformId());
      t.put("slotStart", s.trade().slot().start().toString());
      t.put("slotEnd", s.trade().slot().end().toString());
      t.put("contractedKwh", kwh(s.trade().quantityKwh()));
      t.put("curtailedKwh", kwh(s.curtailedKwh()));
      if (s.curtailment() != null) {
        t.put("curtailedSide", s.curtailment().side().name());
        t.put("curtailmentReason", s.curtailment().reason());
      }
      t.put("buyerAllocatedKwh", kwh(s.reconciled().buyerKwh()));
      t.put("sellerAllocatedKwh", kwh(s.reconciled().sellerKwh()));
      t.put("settledKwh", kwh(s.reconciled().settledKwh()));
      ArrayNode lines = t.putArray("lines");
      for (SettlementLine l : s.lines()) {
        ObjectNode n = lines.addObject();
        n.put("type", l.type().name());
        n.put("payer", l.payer().name());
        n.put("payee", l.payee().name());
        n.put("quantityKwh", kwh(l.quantityKwh()));
        n.put("ratePerKwh", l.ratePerKwh());
        n.put("amount", MoneyRounding.toPaisa(l.amount()));
        n.put("currency", l.currency().getCurrencyCode());
      }
    }
    ArrayNode nets = root.putArray("netPositions");
    for (PlatformNetAmount n : st.nets()) {
      ObjectNode o = nets.addObject();
      o.put("payerPlatformId", n.payerPlatformId());
      o.put("payeePlatformId", n.payeePlatformId());
      o.put("amount", MoneyRounding.toPaisa(n.amount()));
      o.put("currency", n.currency().getCurrencyCode());
      o.put("grossToPayee", MoneyRounding.toPaisa(n.grossToPayee()));
      o.put("grossToPayer", MoneyRounding.toPaisa(n.grossToPayer()));
      o.put("trades", n.trades());
      o.put("dueBy", n.dueBy().toString());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("a statement tree always serialises", e);
    }
  }

  private static java.math.BigDecimal kwh(java.math.BigDecimal v) {
    return v.setScale(Figures.KWH_SCALE, java.math.RoundingMode.HALF_UP);
  }

  /** The statement's money lines as CSV, header first. */
  public static void toCsv(SettlementStatement st, Appendable out) throws IOException {
    out.append(CSV_HEADER).append('\n');
    for (TradeSettlement s : st.trades()) {
      for (SettlementLine l : s.lines()) {
        out.append(Csv.field(s.trade().tradeId()))
            .append(',')
            .append(s.trade().slot().start().toString())
            .append(',')
            .append(s.trade().slot().end().toString())
            .append(',')
            .append(Csv.field(s.trade().buyerPlatformId()))
            .append(',')
            .append(Csv.field(s.trade().sellerPlatformId()))
            .append(',')
            .append(Figures.kwh(s.curtailedKwh()))
            .append(',')
            .append(l.type().name())
            .append(',')
            .append(l.payer().name())
            .append(',')
            .append(l.payee().name())
            .append(',')
            .append(Figures.kwh(l.quantityKwh()))
            .append(',')
            .append(l.ratePerKwh().toPlainString())
            .append(',')
            .append(Figures.money(l.amount()))
            .append(',')
            .append(l.currency().getCurrencyCode())
            .append('\n');
      }
    }
  }
}
