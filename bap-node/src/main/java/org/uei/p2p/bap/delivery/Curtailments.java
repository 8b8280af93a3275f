package org.uei.p2p.bap.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.node.handler.InboundMessage;

/**
 * Curtailments of bought energy as seller platforms relay them from the DISCOMs (an {@code
 * on_update} whose item carries {@code curtailedQuantity}): the latest per order item, readable by
 * the buyer app at {@code GET /client/curtailments[?transactionId=]}.
 */
@jakarta.enterprise.context.ApplicationScoped
@Path("/client/curtailments")
public class Curtailments {

  @Inject AgroalDataSource dataSource;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ArrayNode list(@QueryParam("transactionId") String transactionId) throws SQLException {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT order_id, "
                    + "item_no, seller_platform, transaction_id, delivery_status, curtailed_kwh, curtailment_reason, last_updated, "
                    + "received_at FROM received_curtailment WHERE ? IS NULL OR transaction_id = ? ORDER BY received_at")) {
      ps.setString(1, transactionId);
      ps.setString(2, transactionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ObjectNode n = out.addObject();
          n.put("orderId", rs.getString(1))
              .put("item", rs.getInt(2))
              .put("sellerPlatform", rs.getString(3))
              .put("transactionId", rs.getString(4))
              .put("deliveryStatus", rs.getString(5))
              .put("curtailedKwh", rs.getBigDecimal(6))
              .put("curtailmentReason", rs.getString(7))
              .put("lastUpdated", rs.getString(8))
              .put("receivedAt", rs.getObject(9, OffsetDateTime.class).toInstant().toString());
        }
      }
    }
    return out;
  }

  /** Keeps the curtailment of item {@code itemNo} (1-based) of order {@code orderId}. */
  @Transactional
  void record(InboundMessage m, String orderId, int itemNo, EnergyTradeDelivery d)
      throws SQLException {
    record(
        m.senderId(),
        m.context().getTransactionId(),
        orderId,
        itemNo,
        d.getDeliveryStatus(),
        d.getCurtailedQuantity() == null ? BigDecimal.ZERO : d.getCurtailedQuantity(),
        d.getCurtailmentReason(),
        d.getLastUpdated());
  }

  /**
   * Keeps the curtailment of item {@code itemNo} (1-based) of order {@code orderId} as {@code
   * sellerPlatform} reported it in {@code transactionId}, whichever wire it came on; replaces an
   * earlier report of it. Joins the caller's transaction.
   */
  @Transactional
  void record(
      String sellerPlatform,
      String transactionId,
      String orderId,
      int itemNo,
      String deliveryStatus,
      BigDecimal curtailedKwh,
      String reason,
      String lastUpdated)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement del =
          c.prepareStatement(
              "DELETE FROM received_curtailment WHERE order_id = ? "
                  + "AND item_no = ? AND seller_platform = ?")) {
        del.setString(1, orderId);
        del.setInt(2, itemNo);
        del.setString(3, sellerPlatform);
        del.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO received_curtailment (order_id, item_no, "
                  + "seller_platform, transaction_id, delivery_status, curtailed_kwh, curtailment_reason, last_updated, "
                  + "received_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, orderId);
        ps.setInt(2, itemNo);
        ps.setString(3, sellerPlatform);
        ps.setString(4, transactionId);
        ps.setString(5, deliveryStatus);
        ps.setBigDecimal(6, curtailedKwh);
        ps.setString(7, reason);
        ps.setString(8, lastUpdated);
        ps.setObject(9, Instant.now().atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
    }
  }
}
