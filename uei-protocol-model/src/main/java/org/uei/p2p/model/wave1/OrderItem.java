package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A line of a {@code beckn:Order}: the ordered item, quantity, the accepted offer and an {@code
 * EnergyOrderItem} pack.
 */
public final class OrderItem extends WireObject {

  @JsonProperty("beckn:lineId")
  private String lineId;

  @JsonProperty("beckn:orderedItem")
  private String orderedItem;

  @JsonProperty("beckn:quantity")
  private Quantity quantity;

  @JsonProperty("beckn:acceptedOffer")
  private Offer acceptedOffer;

  @JsonProperty("beckn:price")
  private PriceSpecification price;

  @JsonProperty("beckn:orderItemAttributes")
  private Attributes orderItemAttributes;

  public String getLineId() {
    return lineId;
  }

  public void setLineId(String lineId) {
    this.lineId = lineId;
  }

  public String getOrderedItem() {
    return orderedItem;
  }

  public void setOrderedItem(String orderedItem) {
    this.orderedItem = orderedItem;
  }

  public Quantity getQuantity() {
    return quantity;
  }

  public void setQuantity(Quantity quantity) {
    this.quantity = quantity;
  }

  public Offer getAcceptedOffer() {
    return acceptedOffer;
  }

  public void setAcceptedOffer(Offer acceptedOffer) {
    this.acceptedOffer = acceptedOffer;
  }

  public PriceSpecification getPrice() {
    return price;
  }

  public void setPrice(PriceSpecification price) {
    this.price = price;
  }

  public Attributes getOrderItemAttributes() {
    return orderItemAttributes;
  }

  public void setOrderItemAttributes(Attributes orderItemAttributes) {
    this.orderItemAttributes = orderItemAttributes;
  }
}
