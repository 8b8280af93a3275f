package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.WireObject;

/** {@code context.location}: the city and country a discovery is scoped to. */
public final class Location extends WireObject {

  @JsonProperty("city")
  private Place city;

  @JsonProperty("country")
  private Place country;

  public Place getCity() {
    return city;
  }

  public void setCity(Place city) {
    this.city = city;
  }

  public Place getCountry() {
    return country;
  }

  public void setCountry(Place country) {
    this.country = country;
  }

  /** A coded place name, e.g. {@code {"code":"IND","name":"India"}}. */
  public static final class Place extends WireObject {

    @JsonProperty("code")
    private String code;

    @JsonProperty("name")
    private String name;

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }
}
