package org.uei.p2p.market.settlement.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may trade under a regulatory profile: the Delhi orders admit consumers up to a sanctioned
 * load and prosumers whose renewable capacity stays within a share of it.
 *
 * @param maxSanctionedLoadKw largest sanctioned load that may trade, or null for no limit
 * @param maxReCapacityPercentOfLoad largest installed RE capacity as a percentage of the sanctioned
 *     load, or null for no limit
 */
public record Eligibility(BigDecimal maxSanctionedLoadKw, BigDecimal maxReCapacityPercentOfLoad) {

  /** No limits. */
  public static final Eligibility NONE = new Eligibility(null, null);

  /** Why a consumer with this load and capacity may not trade; empty when it may. */
  public List<String> check(BigDecimal sanctionedLoadKw, BigDecimal installedCapacityKw) {
    List<String> out = new ArrayList<>();
    if (maxSanctionedLoadKw != null && sanctionedLoadKw.compareTo(maxSanctionedLoadKw) > 0) {
      out.add(
          "sanctioned load "
              + sanctionedLoadKw.toPlainString()
              + " kW is above the "
              + maxSanctionedLoadKw.toPlainString()
              + " kW limit");
    }
    if (maxReCapacityPercentOfLoad != null && installedCapacityKw.signum() > 0) {
      BigDecimal limit = sanctionedLoadKw.multiply(maxReCapacityPercentOfLoad).movePointLeft(2);
      if (installedCapacityKw.compareTo(limit) > 0) {
        out.add(
            "installed RE capacity "
                + installedCapacityKw.toPlainString()
                + " kW is above "
                + maxReCapacityPercentOfLoad.toPlainString()
                + " % of the sanctioned load ("
                + limit.stripTrailingZeros().toPlainString()
                + " kW)");
      }
    }
    return out;
  }
}
