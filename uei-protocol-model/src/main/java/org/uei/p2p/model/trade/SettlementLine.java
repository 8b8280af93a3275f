package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One money line of a trade's settlement: who pays whom, for what, how much.
 *
 * @param tradeId trade the line belongs to
 * @param type what the line pays for
 * @param payer who pays
 * @param payee who is paid
 * @param quantityKwh energy the line is computed on, not negative
 * @param ratePerKwh rate applied per kWh, not negative
 * @param amount amount payable, rounded to the currency's minor unit, not negative
 * @param currency currency of {@code ratePerKwh} and {@code amount}
 */
public record SettlementLine(
    String tradeId,
    SettlementLineType type,
    Payee payer,
    Payee payee,
    BigDecimal quantityKwh,
    BigDecimal ratePerKwh,
    BigDecimal amount,
    Currency currency) {

  /**
   * Validates that every field is present, amounts are not negative and payer differs from payee.
   */
  public SettlementLine {
    Checks.id(tradeId, "trade id");
    Checks.required(type, "line type");
    Checks.required(payer, "payer");
    Checks.required(payee, "payee");
    if (payer == payee) {
      throw new IllegalArgumentException(
          "trade " + tradeId + ": " + type + " line pays " + payer + " to itself");
    }
    Checks.nonNegative(quantityKwh, "quantity kWh");
    Checks.nonNegative(ratePerKwh, "rate per kWh");
    Checks.nonNegative(amount, "amount");
    Checks.required(currency, "currency");
    if (amount.scale() > currency.getDefaultFractionDigits()) {
      throw new IllegalArgumentException(
          "trade "
              + tradeId
              + ": amount "
              + amount.toPlainString()
              + " has more decimals than "
              + currency.getCurrencyCode()
              + " allows");
    }
  }
}
