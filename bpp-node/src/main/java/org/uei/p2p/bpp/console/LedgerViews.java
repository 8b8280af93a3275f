package org.uei.p2p.bpp.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
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
import org.uei.p2p.bpp.ledger.ActualsRequest;
import org.uei.p2p.bpp.ledger.LedgerEntry;
import org.uei.p2p.model.json.BecknJson;

/**
 * A ledger provider's records as its console shows them: one page of {@link LedgerEntry} rows with
 * the traded kWh, each DISCOM's status and the allocated actuals (ACTUAL_PULLED on the buyer's
 * side, ACTUAL_PUSHED on the seller's); what the ledger reported to the platforms; and the meter
 * actuals it asked its DISCOM for. One query per section.
 */
@ApplicationScoped
public class LedgerViews {

  /** Records per page. */
  static final int PAGE_SIZE = 50;

  /** Most report lines and actuals requests listed. */
  static final int MAX_ROWS = 100;

  @Inject AgroalDataSource dataSource;

  /** One ledger record, as an operator reads it. */
  @TemplateData
  public record Record(
      String recordId,
      String transactionId,
      String orderItemId,
      Instant deliveryStart,
      Instant deliveryEnd,
      String buyerId,
      String buyerDiscom,
      String buyerPlatform,
      String sellerId,
      String sellerDiscom,
      String sellerPlatform,
      BigDecimal tradedKwh,
      String price,
      String buyerStatus,
      String sellerStatus,
      BigDecimal buyerAllocatedKwh,
      BigDecimal sellerAllocatedKwh,
      Instant updatedAt) {}

  /** A page of records, and whether another follows. */
  @TemplateData
  public record Page(List<Record> records, int page, boolean more) {}

  /** One record side reported to one platform. */
  @TemplateData
  public record Report(
      String transactionId,
      String orderItemId,
      String side,
      String platformId,
      BigDecimal allocatedKwh,
      Instant reportedAt) {}

  /** One request for meter actuals sent to the DISCOM. */
  @TemplateData
  public record Asked(
      String messageId, String discomId, LocalDate day, Instant sentAt, Instant answeredAt) {}

  /** Page {@code page} (from 0) of the records, newest first. */
  @Transactional
  public Page page(int page) {
    List<Object[]> rows =
        LedgerEntry.getEntityManager()
            .createQuery(
                "select recordId, transactionId, orderItemId, deliveryStartTime, deliveryEndTime,"
                    + " buyerId, discomIdBuyer, platformIdBuyer, sellerId, discomIdSeller,"
                    + " platformIdSeller, tradeDetails, statusBuyerDiscom, statusSellerDiscom,"
                    + " buyerMetrics, sellerMetrics, updatedAt from LedgerEntry"
                    + " order by creationTime desc, recordId",
                Object[].class)
            .setFirstResult(page * PAGE_SIZE)
            .setMaxResults(PAGE_SIZE + 1)
            .getResultList();
    List<Record> out = new ArrayList<>();
    for (Object[] r : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
      JsonNode lines = json((String) r[11]);
      BigDecimal kwh = BigDecimal.ZERO;
      String price = "";
      for (JsonNode l : lines) {
        if ("ENERGY".equals(l.path("tradeType").asText())
            && "KWH".equals(l.path("tradeUnit").asText())) {
          kwh = kwh.add(l.path("tradeQty").decimalValue());
          if (price.isEmpty() && l.hasNonNull("pricePerUnit")) {
            price =
                l.get("pricePerUnit").decimalValue().toPlainString()
                    + " "
                    + l.path("priceCurrency").asText("");
          }
        }
      }
      out.add(
          new Record(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (Instant) r[3],
              (Instant) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8],
              (String) r[9],
              (String) r[10],
              kwh,
              price.trim(),
              (String) r[12],
              (String) r[13],
              metric((String) r[14], "ACTUAL_PULLED"),
              metric((String) r[15], "ACTUAL_PUSHED"),
              (Instant) r[16]));
    }
    return new Page(out, page, rows.size() > PAGE_SIZE);
  }

  /** The newest record sides reported to platforms. */
  public List<Report> reports() throws SQLException {
    List<Report> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT transaction_id, order_item_id, side, platform_id, allocated_kwh,"
                    + " reported_at FROM ledger_report_line ORDER BY reported_at DESC,"
                    + " transaction_id, order_item_id, side LIMIT ?")) {
      ps.setInt(1, MAX_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Report(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBigDecimal(5),
                  rs.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }

  /** The newest requests for meter actuals, without the windows they asked. */
  @Transactional
  public List<Asked> asked() {
    List<Object[]> rows =
        ActualsRequest.getEntityManager()
            .createQuery(
                "select messageId, discomId, deliveryDay, createdAt, answeredAt"
                    + " from ActualsRequest order by createdAt desc, messageId",
                Object[].class)
            .setMaxResults(MAX_ROWS)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Asked(
                    (String) r[0], (String) r[1], (LocalDate) r[2], (Instant) r[3], (Instant) r[4]))
        .toList();
  }

  /** The value of metric {@code type} in a metrics column, or null when the DISCOM gave none. */
  private static BigDecimal metric(String column, String type) {
    for (JsonNode m : json(column)) {
      if (type.equals(m.path("validationMetricType").asText())) {
        return m.path("validationMetricValue").decimalValue();
      }
    }
    return null;
  }

  private static JsonNode json(String column) {
    try {
      return BecknJson.readTree(column.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("ledger_record holds JSON this node did not write", e);
    }
  }
}
