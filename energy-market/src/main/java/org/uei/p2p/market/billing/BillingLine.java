package org.uei.p2p.market.billing;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a DISCOM adds to one consumer account's monthly bill for P2P trading: the kWh bought and
 * sold through P2P (to exclude from the tariff bill), the kWh a DISCOM curtailed out of the
 * account's trades (charged to nobody), the charges owed to the DISCOM and what the DISCOM owes the
 * account for curtailing it, where the policy says so.
 *
 * @param accountId consumer account
 * @param meterId meter of the account
 * @param month billing month
 * @param boughtKwh settled kWh bought through P2P
 * @param soldKwh settled kWh sold through P2P
 * @param curtailedKwh kWh curtailed by a DISCOM out of the account's trades
 * @param wheeling wheeling charges owed to the DISCOM
 * @param interState inter-state charges owed to the DISCOM
 * @param deviation deviation owed to the DISCOM for unsettled kWh the account caused
 * @param curtailmentCredit what the DISCOM pays the account for curtailing it
 * @param trades trades of the account in the month
 */
public record BillingLine(
    String accountId,
    String meterId,
    YearMonth month,
    BigDecimal boughtKwh,
    BigDecimal soldKwh,
    BigDecimal curtailedKwh,
    BigDecimal wheeling,
    BigDecimal interState,
    BigDecimal deviation,
    BigDecimal curtailmentCredit,
    long trades) {

  /** All charges to add to the bill, less the curtailment credit. */
  public BigDecimal totalCharges() {
    return wheeling.add(interState).add(deviation).subtract(curtailmentCredit);
  }
}
