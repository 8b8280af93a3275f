package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A {@code beckn:Catalog}: the items and offers one BPP publishes. */
public final class Catalog extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Catalog";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:descriptor")
  private Descriptor descriptor;

  @JsonProperty("beckn:providerId")
  private String providerId;

  @JsonProperty("beckn:bppId")
  private String bppId;

  @JsonProperty("beckn:bppUri")
  private String bppUri;

  @JsonProperty("beckn:validity")
  private TimePeriod validity;

  @JsonProperty("beckn:isActive")
  private Boolean isActive;

  @JsonProperty("beckn:items")
  private List<Item> items;

  @JsonProperty("beckn:offers")
  private List<Offer> offers;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Descriptor getDescriptor() {
    return descriptor;
  }

  public void setDescriptor(Descriptor descriptor) {
    this.descriptor = descriptor;
  }

  public String getProviderId() {
    return providerId;
  }

  public void setProviderId(String providerId) {
    this.providerId = providerId;
  }

  public String getBppId() {
    return bppId;
  }

  public void setBppId(String bppId) {
    this.bppId = bppId;
  }

  public String getBppUri() {
    return bppUri;
  }

  public void setBppUri(String bppUri) {
    this.bppUri = bppUri;
  }

  public TimePeriod getValidity() {
    return validity;
  }

  public void setValidity(TimePeriod validity) {
    this.validity = validity;
  }

  public Boolean getIsActive() {
    return isActive;
  }

  public void setIsActive(Boolean isActive) {
    this.isActive = isActive;
  }

  public List<Item> getItems() {
    return items;
  }

  public void setItems(List<Item> items) {
    this.items = items;
  }

  public List<Offer> getOffers() {
    return offers;
  }

  public void setOffers(List<Offer> offers) {
    this.offers = offers;
  }
}
