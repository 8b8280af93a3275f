package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.uei.p2p.audit.entry.RecordEntry;

/**
 * The audit-log records of a settlement run: one per allocated trade and one per settled order, so
 * that a buyer platform, a DISCOM or a regulator can later prove what this node allocated and
 * booked from its signed log alone. Quantities and amounts are plain decimal strings, exactly as
 * stored.
 */
final class AuditRecords {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AuditRecords() {}

  static RecordEntry allocation(AllocationLedger.Row row, String transactionId) {
    ObjectNode n = JSON.objectNode();
    n.put("trade_id", row.tradeId());
    n.put("order_id", row.orderId());
    n.put("line", row.lineNo());
    n.put("buyer_metered_kwh", row.buyerMeteredKwh().toPlainString());
    n.put("seller_metered_kwh", row.sellerMeteredKwh().toPlainString());
    n.put("buyer_allocated_kwh", row.buyerKwh().toPlainString());
    n.put("seller_allocated_kwh", row.sellerKwh().toPlainString());
    n.put("allocated_at", row.allocatedAt().toString());
    return new RecordEntry(
        RecordEntry.Kind.ALLOCATION,
        "allocation/" + row.tradeId(),
        transactionId,
        n.toString().getBytes(StandardCharsets.UTF_8),
        row.allocatedAt());
  }

  static RecordEntry settlement(
      String orderId, String transactionId, AllocationLedger.OrderSettlement s) {
    ObjectNode n = JSON.objectNode();
    n.put("order_id", orderId);
    n.put("payment_status", s.paymentStatus());
    n.put("amount", s.amount().toPlainString());
    n.put("currency", s.currency());
    n.put("txn_ref", s.txnRef());
    n.put("delivered_at", s.deliveredAt().toString());
    n.put("paid_at", s.paidAt().toString());
    return new RecordEntry(
        RecordEntry.Kind.SETTLEMENT,
        "settlement/" + orderId,
        transactionId,
        n.toString().getBytes(StandardCharsets.UTF_8),
        s.paidAt());
  }
}
