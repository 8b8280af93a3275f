package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a ledger record's trade: what, how much, at what price.
 *
 * @param tradeType what is traded
 * @param tradeQty contracted quantity, greater than zero
 * @param tradeUnit unit of {@code tradeQty}
 * @param pricePerUnit agreed price per unit, or null
 * @param priceCurrency ISO 4217 code of the price, or null
 */
public record TradeDetail(
    TradeType tradeType,
    BigDecimal tradeQty,
    TradeUnit tradeUnit,
    BigDecimal pricePerUnit,
    String priceCurrency) {

  /** Requires type, quantity and unit. */
  public TradeDetail {
    Objects.requireNonNull(tradeType, "tradeType");
    Objects.requireNonNull(tradeQty, "tradeQty");
    Objects.requireNonNull(tradeUnit, "tradeUnit");
  }

  /** Whether this line is energy in kWh, the lines meter allocation shares. */
  public boolean energy() {
    return tradeType == TradeType.ENERGY && tradeUnit == TradeUnit.KWH;
  }

  /** Same line, comparing decimals by value (12.5 equals 12.50), as a stored copy must. */
  public boolean sameAs(TradeDetail o) {
    return tradeType == o.tradeType
        && tradeUnit == o.tradeUnit
        && tradeQty.compareTo(o.tradeQty) == 0
        && Decimals.same(pricePerUnit, o.pricePerUnit)
        && Objects.equals(priceCurrency, o.priceCurrency);
  }
}
