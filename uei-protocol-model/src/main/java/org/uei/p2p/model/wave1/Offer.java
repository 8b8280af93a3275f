package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code beckn:Offer}: the commercial terms for one or more items; in P2P trading one delivery
 * slot at a price per kWh, with an {@code EnergyTradeOffer} pack.
 */
public final class Offer extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Offer";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:isActive")
  private Boolean isActive;

  @JsonProperty("beckn:descriptor")
  private Descriptor descriptor;

  @JsonProperty("beckn:provider")
  private String provider;

  @JsonProperty("beckn:items")
  private List<String> items;

  @JsonProperty("beckn:validity")
  private TimePeriod validity;

  @JsonProperty("beckn:price")
  private PriceSpecification price;

  @JsonProperty("beckn:acceptedPaymentMethod")
  private List<String> acceptedPaymentMethod;

  @JsonProperty("beckn:offerAttributes")
  private Attributes offerAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
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

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public List<String> getItems() {
    return items;
  }

  public void setItems(List<String> items) {
    this.items = items;
  }

  public TimePeriod getValidity() {
    return validity;
  }

  public void setValidity(TimePeriod validity) {
    this.validity = validity;
  }

  public PriceSpecification getPrice() {
    return price;
  }

  public void setPrice(PriceSpecification price) {
    this.price = price;
  }

  public List<String> getAcceptedPaymentMethod() {
    return acceptedPaymentMethod;
  }

  public void setAcceptedPaymentMethod(List<String> acceptedPaymentMethod) {
    this.acceptedPaymentMethod = acceptedPaymentMethod;
  }

  public Attributes getOfferAttributes() {
    return offerAttributes;
  }

  public void setOfferAttributes(Attributes offerAttributes) {
    this.offerAttributes = offerAttributes;
  }
}
