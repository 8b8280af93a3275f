package org.uei.p2p.bpp.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.node.wire.WireContext;

/**
 * A wave-2 confirm: the order is made and its energy reserved exactly as on wave 1, then the
 * contract is forwarded to the DISCOMs' ledgers inside the same database transaction. The
 * reservation commits only once every ledger acknowledged; a ledger that refuses or does not answer
 * in time rolls it back, so the offer keeps its energy and no order exists. The offers' rows stay
 * locked meanwhile (at most the forwarding timeout per ledger), which keeps a concurrent confirm
 * from selling the same energy on another instance.
 */
@ApplicationScoped
public class Confirmations {

  @Inject OrderService orders;
  @Inject LedgerForwarding forwarding;

  /**
   * Confirms {@code order}; a transaction already confirmed gets its order back without forwarding
   * again.
   *
   * @throws OrderService.NotAvailable when a line's energy is gone
   * @throws LedgerForwarding.NotRecorded when a ledger did not acknowledge the contract
   */
  @Transactional(rollbackOn = {OrderService.NotAvailable.class, LedgerForwarding.NotRecorded.class})
  public SellerOrder confirm(
      TradeOrder order, WireContext context, LedgerProvider seller, LedgerProvider buyer)
      throws OrderService.NotAvailable, LedgerForwarding.NotRecorded {
    Optional<SellerOrder> existing = SellerOrder.byTransaction(context.transactionId());
    if (existing.isPresent()) {
      return existing.get();
    }
    SellerOrder o = orders.confirm(order, context);
    // A reservation the database refuses must fail here, before any ledger hears of it.
    SellerOrder.flush();
    forwarding.forward(orders.view(o), context.transactionId(), seller, buyer);
    return o;
  }
}
