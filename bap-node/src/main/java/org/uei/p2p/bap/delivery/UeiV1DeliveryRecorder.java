package org.uei.p2p.bap.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Keeps what a UEI v1 seller platform reports after delivery ({@link UeiV1DeliveryReport}), in the
 * same rows as the wave-1 reports ({@link DeliveryRecorder}, {@link Curtailments}), so that the
 * buyer's deliveries and statements show a UEI v1 trade exactly as a wave-1 one. The 1.1.0 payment
 * status is kept in the domain's words: NOT_PAID (the final amount is due) as AUTHORIZED, PAID as
 * SETTLED, as the wave-1 seller reports them.
 */
@ApplicationScoped
public class UeiV1DeliveryRecorder {

  private static final Map<String, String> PAYMENT_STATUS =
      Map.of(UeiV1DeliveryReport.NOT_PAID, "AUTHORIZED", UeiV1DeliveryReport.PAID, "SETTLED");

  private final UeiV1Codec codec = new UeiV1Codec();

  @Inject DeliveryRecorder deliveries;
  @Inject Curtailments curtailments;

  /**
   * The synchronous check of an on_status/on_update: a delivery it reports must be readable, both
   * the order's trades (meters, slots, prices) and the delivered energy.
   *
   * @throws InboundRejection a 30000 NACK naming the member at fault
   */
  public void check(UeiV1Envelope e) throws InboundRejection {
    try {
      read(e);
    } catch (TradeCodecException x) {
      throw new InboundRejection(400, x.error(), Map.of());
    }
  }

  /** Records the deliveries {@code e} from {@code sellerPlatform} reports; how many. */
  @Transactional
  public int record(String sellerPlatform, UeiV1Envelope e, Instant receivedAt)
      throws TradeCodecException, SQLException {
    Read r = read(e);
    if (r == null) {
      return 0;
    }
    List<Trade> trades = r.order().trades(r.order().orderId(), receivedAt);
    UeiV1DeliveryReport.Payment p = r.report().payment();
    String status = p == null ? null : PAYMENT_STATUS.getOrDefault(p.status(), p.status());
    String txn = e.context().transactionId();
    int recorded = 0;
    for (int i = 0; i < trades.size() && i < r.report().lines().size(); i++) {
      UeiV1DeliveryReport.Line l = r.report().lines().get(i);
      if (l == null) {
        continue;
      }
      Trade t = trades.get(i);
      if (l.curtailedKwh() != null) {
        curtailments.record(
            sellerPlatform,
            txn,
            r.order().orderId(),
            i + 1,
            "COMPLETED",
            l.curtailedKwh(),
            l.curtailmentReason(),
            null);
      }
      deliveries.upsert(
          sellerPlatform,
          txn,
          t,
          l.buyerAllocatedKwh(),
          l.sellerAllocatedKwh(),
          l.deliveredKwh(),
          status,
          p == null ? null : p.txnRef(),
          p == null ? null : p.paidAt());
      recorded++;
    }
    return recorded;
  }

  private record Read(TradeOrder order, UeiV1DeliveryReport.Report report) {}

  // Null when the message reports no delivery (an on_status answering a status request, say).
  private Read read(UeiV1Envelope e) throws TradeCodecException {
    Order o = e.message() == null ? null : e.message().order();
    if (o == null) {
      return null;
    }
    UeiV1DeliveryReport.Report report = UeiV1DeliveryReport.read(o);
    if (!report.delivered()) {
      return null;
    }
    TradeOrder order = codec.order(e.message());
    if (order.orderId() == null) {
      throw new TradeCodecException(o.pathOf("id"), "a delivery report names its order");
    }
    return new Read(order, report);
  }
}
