package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade (trade order line) between one buyer and one seller for one slot.
 *
 * @param tradeId id of the trade, unique across the network (e.g. transaction id + order item id)
 * @param buyerPlatformId subscriber id of the buyer platform
 * @param sellerPlatformId subscriber id of the seller platform
 * @param buyer buyer meter and DISCOM
 * @param seller seller meter and DISCOM
 * @param slot delivery slot
 * @param quantityKwh contracted energy, greater than zero
 * @param price contract price per kWh
 * @param status lifecycle status
 * @param agreedAt when the trade was requested; FIFO allocation serves earlier trades first
 */
public record Trade(
    String tradeId,
    String buyerPlatformId,
    String sellerPlatformId,
    MeterPoint buyer,
    MeterPoint seller,
    DeliverySlot slot,
    BigDecimal quantityKwh,
    UnitPrice price,
    TradeStatus status,
    Instant agreedAt) {

  /** Validates that every field is present and the quantity is positive. */
  public Trade {
    Checks.id(tradeId, "trade id");
    Checks.id(buyerPlatformId, "buyer platform id");
    Checks.id(sellerPlatformId, "seller platform id");
    Checks.required(buyer, "buyer");
    Checks.required(seller, "seller");
    Checks.required(slot, "slot");
    Checks.positive(quantityKwh, "quantity kWh");
    Checks.required(price, "price");
    Checks.required(status, "status");
    Checks.required(agreedAt, "agreed at");
  }

  /** The meter point of {@code side}. */
  public MeterPoint party(TradeSide side) {
    return side == TradeSide.BUYER ? buyer : seller;
  }

  /** The platform that represents {@code side}. */
  public String platformId(TradeSide side) {
    return side == TradeSide.BUYER ? buyerPlatformId : sellerPlatformId;
  }

  /** The same trade in another status. */
  public Trade withStatus(TradeStatus newStatus) {
    return new Trade(
        tradeId,
        buyerPlatformId,
        sellerPlatformId,
        buyer,
        seller,
        slot,
        quantityKwh,
        price,
        newStatus,
        agreedAt);
  }

  /** The same trade with a smaller contracted quantity, as after a curtailment. */
  public Trade withQuantity(BigDecimal newQuantityKwh) {
    return new Trade(
        tradeId,
        buyerPlatformId,
        sellerPlatformId,
        buyer,
        seller,
        slot,
        newQuantityKwh,
        price,
        status,
        agreedAt);
  }
}
