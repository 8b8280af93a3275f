package org.uei.p2p.bap.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bap.delivery.BuyerStatements;
import org.uei.p2p.model.json.BecknJson;

/**
 * The buyer platform's statement of a period as the console shows it: the same statement {@link
 * BuyerStatements} computes for the download (net amount per seller platform, and on wave 2 the
 * revenue flows the seller platforms settled), and the allocations the buyer DISCOM's ledger
 * reported for wave-2 contracts.
 */
@ApplicationScoped
public class StatementView {

  /** Most allocations listed. */
  static final int MAX_ROWS = 200;

  @Inject BuyerStatements statements;
  @Inject AgroalDataSource dataSource;

  /** What one platform owes another for the period, netted. */
  @TemplateData
  public record Net(
      String payer, String payee, BigDecimal amount, String currency, int trades, String dueBy) {}

  /** One party's share of a wave-2 contract's revenue flows, as the seller platform settled it. */
  @TemplateData
  public record Flow(
      String contractId,
      String sellerPlatform,
      String transactionId,
      String party,
      BigDecimal amount,
      String currency) {}

  /** The statement's figures for the page. */
  @TemplateData
  public record Statement(int trades, BigDecimal settledKwh, List<Net> nets, List<Flow> flows) {}

  /** One trade's allocation by the buyer DISCOM's ledger. */
  @TemplateData
  public record Allocation(
      String sellerPlatform,
      String contractId,
      int lineNo,
      String transactionId,
      String ledgerId,
      BigDecimal allocatedKwh,
      Instant receivedAt) {}

  /** The statement of delivery days {@code from} to {@code to} (IST). */
  public Statement statement(LocalDate from, LocalDate to) throws Exception {
    Response r = statements.statement(from.toString(), to.toString(), "json");
    if (r.getStatus() != 200) {
      throw new IllegalStateException("the statement could not be computed: " + r.getEntity());
    }
    JsonNode st = BecknJson.readTree(((String) r.getEntity()).getBytes(StandardCharsets.UTF_8));
    BigDecimal settled = BigDecimal.ZERO;
    for (JsonNode t : st.path("trades")) {
      settled = settled.add(t.path("settledKwh").decimalValue());
    }
    List<Net> nets = new ArrayList<>();
    for (JsonNode n : st.path("netPositions")) {
      nets.add(
          new Net(
              n.path("payerPlatformId").asText(),
              n.path("payeePlatformId").asText(),
              n.path("amount").decimalValue(),
              n.path("currency").asText(),
              n.path("trades").asInt(),
              n.path("dueBy").asText()));
    }
    List<Flow> flows = new ArrayList<>();
    for (JsonNode c : st.path("revenueFlows")) {
      for (JsonNode f : c.path("flows")) {
        flows.add(
            new Flow(
                c.path("contractId").asText(),
                c.path("sellerPlatform").asText(),
                c.path("transactionId").asText(),
                f.path("party").asText(),
                f.path("amount").decimalValue(),
                f.path("currency").asText()));
      }
    }
    return new Statement(st.path("trades").size(), settled, nets, flows);
  }

  /** The newest allocations the buyer DISCOM's ledger reported. */
  public List<Allocation> allocations() throws SQLException {
    List<Allocation> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seller_platform, contract_id, line_no, transaction_id, ledger_id,"
                    + " allocated_kwh, received_at FROM ledger_buyer_allocation"
                    + " ORDER BY received_at DESC, contract_id, line_no LIMIT ?")) {
      ps.setInt(1, MAX_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Allocation(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getString(5),
                  plain(rs.getBigDecimal(6)),
                  rs.getObject(7, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }

  /** Without trailing zeros, never in exponent form: 3.5, not 3.500000000000000000 or 1E+1. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
