package org.uei.p2p.bpp.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one place that changes how much energy an offer has left. Taking energy is a single
 * conditional UPDATE, so two buyers racing for the last kWh cannot both get it, on one node or on
 * several nodes sharing a database; the table's CHECK constraint backs that up.
 */
@ApplicationScoped
public class OfferInventory {

  /**
   * Takes {@code kwh} from the offer if it is active, open at market time {@code marketNow} and has
   * that much left. Runs in the caller's transaction, so the reservation commits or rolls back with
   * the order.
   *
   * @return true when the energy was taken
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean take(String offerId, BigDecimal kwh, Instant marketNow) {
    return SlotOffer.update(
            "availableKwh = availableKwh - ?1, updatedAt = ?5 where id = ?3 and status = ?4"
                + " and availableKwh >= ?1 and validFrom <= ?2 and validUntil > ?2",
            kwh,
            marketNow,
            offerId,
            OfferStatus.ACTIVE,
            Instant.now())
        == 1;
  }

  /** Returns {@code kwh} to the offer (a cancelled order). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void giveBack(String offerId, BigDecimal kwh, Instant now) {
    SlotOffer.update(
        "availableKwh = availableKwh + ?1, updatedAt = ?2 where id = ?3", kwh, now, offerId);
  }
}
