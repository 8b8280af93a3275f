package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.Attributes;

/**
 * EnergyTrade v0.3 {@code EnergyResource} ({@code beckn:itemAttributes}): the source type and
 * seller meter of an energy item.
 */
public final class EnergyResource extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyResource";

  @JsonProperty("sourceType")
  private String sourceType;

  @JsonProperty("meterId")
  private String meterId;

  public String getSourceType() {
    return sourceType;
  }

  public void setSourceType(String sourceType) {
    this.sourceType = sourceType;
  }

  public String getMeterId() {
    return meterId;
  }

  public void setMeterId(String meterId) {
    this.meterId = meterId;
  }
}
