package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.uei.p2p.model.wave1.Attributes;

/**
 * {@code PaymentSettlement} ({@code beckn:paymentAttributes}): the bank/UPI accounts that
 * inter-platform settlement pays into.
 */
public final class PaymentSettlement extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "PaymentSettlement";

  @JsonProperty("settlementAccounts")
  private List<SettlementAccount> settlementAccounts;

  public List<SettlementAccount> getSettlementAccounts() {
    return settlementAccounts;
  }

  public void setSettlementAccounts(List<SettlementAccount> settlementAccounts) {
    this.settlementAccounts = settlementAccounts;
  }
}
