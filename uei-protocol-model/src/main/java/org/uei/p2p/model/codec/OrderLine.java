package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.util.Objects;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * One line of a trade order: a quantity taken from one offer. It keeps only what an order carries
 * about the offer (an accepted offer need not repeat the offer's validity or maximum).
 *
 * @param offerId the offer taken
 * @param providerId the prosumer that made the offer
 * @param seller the seller's meter and DISCOM
 * @param slot delivery slot of the offer
 * @param price price per kWh
 * @param quantityKwh energy taken, greater than zero
 */
public record OrderLine(
    String offerId,
    String providerId,
    MeterPoint seller,
    DeliverySlot slot,
    UnitPrice price,
    BigDecimal quantityKwh) {

  /** Requires every field and a positive quantity. */
  public OrderLine {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(seller, "seller");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantityKwh, "quantityKwh");
    if (quantityKwh.signum() <= 0) {
      throw new IllegalArgumentException(
          "quantity must be greater than 0, not " + quantityKwh.toPlainString());
    }
  }

  /** Takes {@code quantityKwh} from {@code offer}. */
  public static OrderLine take(EnergyOffer offer, BigDecimal quantityKwh) {
    return new OrderLine(
        offer.offerId(),
        offer.providerId(),
        offer.seller(),
        offer.slot(),
        offer.price(),
        quantityKwh);
  }
}
