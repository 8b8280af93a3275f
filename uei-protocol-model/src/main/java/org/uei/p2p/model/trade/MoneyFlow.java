package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One party's net money of a settled trade contract, signed: positive received, negative paid (IES
 * wave 2's revenue flows). A contract's flows sum to zero. Wave 1 settles in {@link
 * SettlementLine}s (who pays whom) instead; both describe the same money.
 *
 * @param party the party, by its role in the contract
 * @param amount signed amount
 * @param currency currency of the amount
 */
public record MoneyFlow(Payee party, BigDecimal amount, Currency currency) {

  /** Requires every field. */
  public MoneyFlow {
    Checks.required(party, "party");
    Checks.required(amount, "amount");
    Checks.required(currency, "currency");
  }
}
