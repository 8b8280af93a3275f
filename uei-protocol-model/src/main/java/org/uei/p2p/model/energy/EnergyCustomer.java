package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.uei.p2p.model.wave1.Attributes;

/**
 * EnergyTrade v0.3 {@code EnergyCustomer} (buyer/provider attributes): meter, DISCOM and utility
 * account of a trading party.
 */
public final class EnergyCustomer extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyCustomer";

  @JsonProperty("meterId")
  private String meterId;

  @JsonProperty("sanctionedLoad")
  private BigDecimal sanctionedLoad;

  @JsonProperty("utilityCustomerId")
  private String utilityCustomerId;

  @JsonProperty("utilityId")
  private String utilityId;

  public String getMeterId() {
    return meterId;
  }

  public void setMeterId(String meterId) {
    this.meterId = meterId;
  }

  public BigDecimal getSanctionedLoad() {
    return sanctionedLoad;
  }

  public void setSanctionedLoad(BigDecimal sanctionedLoad) {
    this.sanctionedLoad = sanctionedLoad;
  }

  public String getUtilityCustomerId() {
    return utilityCustomerId;
  }

  public void setUtilityCustomerId(String utilityCustomerId) {
    this.utilityCustomerId = utilityCustomerId;
  }

  public String getUtilityId() {
    return utilityId;
  }

  public void setUtilityId(String utilityId) {
    this.utilityId = utilityId;
  }
}
