package org.uei.p2p.bap.console;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bap.client.ClientRequest;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * What the buyer platform's console pages read: the requests the buyer app made with the callbacks
 * correlated to them, the deliveries seller platforms reported, and the curtailments they relayed.
 * Read only.
 */
@ApplicationScoped
public class BuyerViews {

  /** Most rows a list shows. */
  static final int MAX_ROWS = 200;

  @Inject AgroalDataSource dataSource;

  /** One request to one seller platform, with the callback that answered it. */
  @TemplateData
  public record Request(
      String messageId,
      String bppId,
      String action,
      String transactionId,
      String status,
      String error,
      Instant sentAt,
      Instant answeredAt,
      String callback,
      Instant callbackAt) {}

  /** One delivered trade as the seller platform reported it. */
  @TemplateData
  public record Delivery(
      String tradeId,
      String sellerPlatform,
      String transactionId,
      Instant slotStart,
      BigDecimal contractedKwh,
      BigDecimal deliveredKwh,
      BigDecimal pricePerKwh,
      String currency,
      String paymentStatus) {}

  /** One relayed curtailment. */
  @TemplateData
  public record Curtailment(
      String orderId,
      int item,
      String sellerPlatform,
      String transactionId,
      BigDecimal curtailedKwh,
      String reason,
      Instant receivedAt) {}

  /**
   * The newest requests ({@code action} only, when given), each with the first callback stored for
   * its message id.
   */
  @Transactional
  public List<Request> requests(String action) {
    List<ClientRequest> rows =
        action == null
            ? ClientRequest.find("order by createdAt desc").page(0, MAX_ROWS).list()
            : ClientRequest.find("action = ?1 order by createdAt desc", action)
                .page(0, MAX_ROWS)
                .list();
    Map<String, StoredMessage> callbacks = new HashMap<>();
    List<String> ids = rows.stream().map(r -> r.key.messageId).distinct().toList();
    if (!ids.isEmpty()) {
      List<StoredMessage> in =
          StoredMessage.list("direction = ?1 and messageId in ?2 order by id", Direction.IN, ids);
      in.stream()
          .filter(m -> m.action.startsWith("on_"))
          .forEach(
              m -> {
                callbacks.putIfAbsent(m.messageId + "|" + m.senderId, m);
                // a request fanned out to every seller platform is answered by any of them
                callbacks.putIfAbsent(m.messageId + "|" + ClientRequest.ANY_BPP, m);
              });
    }
    List<Request> out = new ArrayList<>();
    for (ClientRequest r : rows) {
      StoredMessage cb = callbacks.get(r.key.messageId + "|" + r.key.bppId);
      out.add(
          new Request(
              r.key.messageId,
              r.key.bppId,
              r.action,
              r.transactionId,
              r.status.name(),
              r.errorCode == null ? null : r.errorCode + ": " + r.errorMessage,
              r.createdAt,
              r.answeredAt,
              cb == null ? null : cb.action,
              cb == null ? null : cb.createdAt));
    }
    return out;
  }

  /** The newest deliveries reported. */
  public List<Delivery> deliveries() throws SQLException {
    List<Delivery> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT trade_id, seller_platform, transaction_id, slot_start, quantity_kwh,"
                    + " delivered_kwh, price_per_kwh, currency, payment_status"
                    + " FROM received_delivery ORDER BY slot_start DESC, trade_id")) {
      ps.setMaxRows(MAX_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Delivery(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class).toInstant(),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  /** The curtailments relayed, newest first. */
  public List<Curtailment> curtailments() throws SQLException {
    List<Curtailment> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT order_id, item_no, seller_platform, transaction_id, curtailed_kwh,"
                    + " curtailment_reason, received_at FROM received_curtailment"
                    + " ORDER BY received_at DESC")) {
      ps.setMaxRows(MAX_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Curtailment(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBigDecimal(5),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }
}
