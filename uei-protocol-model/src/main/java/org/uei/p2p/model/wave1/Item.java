package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code beckn:Item}: the thing on sale; in P2P trading an energy resource (a seller meter) with
 * an {@code EnergyResource} pack.
 */
public final class Item extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Item";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:networkId")
  private List<String> networkId;

  @JsonProperty("beckn:isActive")
  private Boolean isActive;

  @JsonProperty("beckn:descriptor")
  private Descriptor descriptor;

  @JsonProperty("beckn:provider")
  private Provider provider;

  @JsonProperty("beckn:itemAttributes")
  private Attributes itemAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public List<String> getNetworkId() {
    return networkId;
  }

  public void setNetworkId(List<String> networkId) {
    this.networkId = networkId;
  }

  public Boolean getIsActive() {
    return isActive;
  }

  public void setIsActive(Boolean isActive) {
    this.isActive = isActive;
  }

  public Descriptor getDescriptor() {
    return descriptor;
  }

  public void setDescriptor(Descriptor descriptor) {
    this.descriptor = descriptor;
  }

  public Provider getProvider() {
    return provider;
  }

  public void setProvider(Provider provider) {
    this.provider = provider;
  }

  public Attributes getItemAttributes() {
    return itemAttributes;
  }

  public void setItemAttributes(Attributes itemAttributes) {
    this.itemAttributes = itemAttributes;
  }
}
