package org.uei.p2p.bap.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.policy.ContractSettlement;
import org.uei.p2p.market.settlement.Curtailment;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.SettlementStatement;
import org.uei.p2p.market.settlement.StatementWriter;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * The buyer platform's own settlement statement, recomputed under the configured settlement profile
 * from the deliveries seller platforms reported and the curtailments they relayed, so that it can
 * be checked against theirs (a wave-2 contract's energy cut from its value as the seller platform
 * cuts it): {@code GET
 * /client/settlement/statement?from=YYYY-MM-DD[&to=YYYY-MM-DD][&format=json|csv]} (delivery days in
 * IST).
 */
@Path("/client/settlement")
public class BuyerStatements {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @Inject AgroalDataSource dataSource;
  @Inject NodeIdentity identity;
  @Inject BuyerSettlementSettings settings;

  @GET
  @Path("/statement")
  public Response statement(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("format") String format)
      throws Exception {
    LocalDate first;
    LocalDate last;
    try {
      first = LocalDate.parse(from == null ? "" : from);
      last = to == null ? first : LocalDate.parse(to);
    } catch (DateTimeParseException e) {
      return error("from and to must be dates YYYY-MM-DD");
    }
    if (format != null && !format.equals("json") && !format.equals("csv")) {
      return error("format must be csv or json, not '" + format + "'");
    }
    Instant start = first.atStartOfDay(IST).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(IST).toInstant();
    SettlementPolicy policy = settings.profile().policy();
    SettlementCalculator calc = new SettlementCalculator(policy);
    List<TradeSettlement> settlements = new ArrayList<>();
    Instant lastReport = end;
    Map<String, Curtailment> curtailed = curtailments(start, end);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT trade_id, "
                    + "buyer_platform, seller_platform, buyer_meter_id, buyer_discom_id, seller_meter_id, seller_discom_id, "
                    + "slot_start, slot_end, quantity_kwh, price_per_kwh, currency, buyer_kwh, seller_kwh, received_at, paid_at "
                    + "FROM received_delivery WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, trade_id")) {
      ps.setObject(1, start.atOffset(java.time.ZoneOffset.UTC));
      ps.setObject(2, end.atOffset(java.time.ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant slotStart = rs.getObject(8, OffsetDateTime.class).toInstant();
          Trade t =
              new Trade(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  new MeterPoint(rs.getString(4), rs.getString(5)),
                  new MeterPoint(rs.getString(6), rs.getString(7)),
                  new DeliverySlot(slotStart, rs.getObject(9, OffsetDateTime.class).toInstant()),
                  rs.getBigDecimal(10),
                  new UnitPrice(rs.getBigDecimal(11), Currency.getInstance(rs.getString(12))),
                  TradeStatus.CONFIRMED,
                  slotStart);
          settlements.add(
              calc.settle(
                  new ReconciledTrade(t, scale(rs.getBigDecimal(13)), scale(rs.getBigDecimal(14))),
                  curtailed.get(t.tradeId())));
          // the seller's settlement time (its market clock) when reported, so both sides' due dates
          // agree
          Instant received =
              paidAt(rs.getString(16)).orElse(rs.getObject(15, OffsetDateTime.class).toInstant());
          lastReport = lastReport == end || received.isAfter(lastReport) ? received : lastReport;
        }
      }
    }
    settlements = withContractEnergy(settlements);
    SettlementStatement st =
        SettlementStatement.of(
            identity.subscriberId(),
            settlements,
            start,
            end,
            lastReport,
            new PlatformNetting(policy),
            Instant.now());
    if ("csv".equals(format)) {
      StringWriter out = new StringWriter();
      StatementWriter.toCsv(st, out);
      return Response.ok(out.toString(), "text/csv").build();
    }
    String json = StatementWriter.toJson(st);
    ArrayNode flows = revenueFlows(start, end);
    if (!flows.isEmpty()) {
      ObjectNode tree =
          (ObjectNode) BecknJson.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      tree.set("revenueFlows", flows);
      json = BecknJson.writeString(tree);
    }
    return Response.ok(json, MediaType.APPLICATION_JSON).build();
  }

  /**
   * {@code settled} with the trades of every wave-2 contract that settled with revenue flows
   * carrying the energy the seller platform cut from the contract's value and no network charges or
   * deviation of this platform's profile ({@link ContractSettlement#withContractEnergy}): the
   * seller rounds a contract's energy once, as its flows carry it, so both statements net to the
   * same amount, and the contract policy's charges are the DISCOMs' flows. A contract is taken as
   * the trades of it in the period; a contract whose slots straddle the period's end is cut over
   * its part.
   */
  private List<TradeSettlement> withContractEnergy(List<TradeSettlement> settled)
      throws java.sql.SQLException {
    Map<String, List<Integer>> contracts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < settled.size(); i++) {
      var t = settled.get(i).trade();
      int slash = t.tradeId().lastIndexOf('/');
      if (slash > 0) {
        contracts
            .computeIfAbsent(
                t.sellerPlatformId() + "\n" + t.tradeId().substring(0, slash),
                k -> new ArrayList<>())
            .add(i);
      }
    }
    List<TradeSettlement> out = new ArrayList<>(settled);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM received_revenue_flow WHERE contract_id = ? AND seller_platform = ?"
                    + " FETCH FIRST 1 ROWS ONLY")) {
      for (Map.Entry<String, List<Integer>> e : contracts.entrySet()) {
        String[] key = e.getKey().split("\n", 2);
        ps.setString(1, key[1]);
        ps.setString(2, key[0]);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
        }
        List<TradeSettlement> trades = e.getValue().stream().map(settled::get).toList();
        List<TradeSettlement> cut = ContractSettlement.withContractEnergy(trades);
        for (int k = 0; k < cut.size(); k++) {
          out.set(e.getValue().get(k), cut.get(k));
        }
      }
    }
    return out;
  }

  /**
   * The revenue flows wave-2 seller platforms settled for contracts whose first slot lies in {@code
   * [start, end)}, per contract: the seller side's own account of who pays whom, shown next to this
   * platform's arithmetic.
   */
  private ArrayNode revenueFlows(Instant start, Instant end) throws java.sql.SQLException {
    ArrayNode out = BecknJson.mapper().createArrayNode();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT contract_id, seller_platform, transaction_id, party, amount, currency"
                    + " FROM received_revenue_flow WHERE first_slot_start >= ? AND"
                    + " first_slot_start < ? ORDER BY contract_id, seller_platform, flow_no")) {
      ps.setObject(1, start.atOffset(java.time.ZoneOffset.UTC));
      ps.setObject(2, end.atOffset(java.time.ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        ObjectNode contract = null;
        while (rs.next()) {
          if (contract == null
              || !contract.path("contractId").asText().equals(rs.getString(1))
              || !contract.path("sellerPlatform").asText().equals(rs.getString(2))) {
            contract =
                out.addObject()
                    .put("contractId", rs.getString(1))
                    .put("sellerPlatform", rs.getString(2))
                    .put("transactionId", rs.getString(3));
            contract.putArray("flows");
          }
          ((ArrayNode) contract.get("flows"))
              .addObject()
              .put("party", rs.getString(4))
              .put("amount", plain(rs.getBigDecimal(5)))
              .put("currency", rs.getString(6));
        }
      }
    }
    return out;
  }

  /**
   * Curtailments relayed for trades delivered in {@code [start, end)}, by trade id ({@code <order
   * id>/<item>}). The seller platform relays them from the DISCOM; a buyer platform cannot tell
   * which side was curtailed, and a curtailed injection is the usual case.
   */
  private Map<String, Curtailment> curtailments(Instant start, Instant end)
      throws java.sql.SQLException {
    Map<String, Curtailment> out = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT k.order_id, "
                    + "k.item_no, k.curtailed_kwh, k.curtailment_reason FROM received_curtailment k JOIN received_delivery d "
                    + "ON d.seller_platform = k.seller_platform AND d.trade_id = k.order_id || '/' || CAST(k.item_no AS VARCHAR) "
                    + "WHERE d.slot_start >= ? AND d.slot_start < ? AND k.curtailed_kwh > 0")) {
      ps.setObject(1, start.atOffset(java.time.ZoneOffset.UTC));
      ps.setObject(2, end.atOffset(java.time.ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String tradeId = rs.getString(1) + "/" + rs.getInt(2);
          out.put(
              tradeId,
              new Curtailment(tradeId, TradeSide.SELLER, rs.getBigDecimal(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  private static java.util.Optional<Instant> paidAt(String text) {
    try {
      return text == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(text));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** The stored amount without the column's padding zeros, never in exponent form. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * A stored allocation without the column's padding zeros, to at least two decimals: a wave-2
   * ledger's figure may have more, and the seller platform settles on all of them.
   */
  private static BigDecimal scale(BigDecimal v) {
    return v.setScale(Math.max(2, plain(v).scale()), java.math.RoundingMode.UNNECESSARY);
  }

  private static Response error(String message) {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}
