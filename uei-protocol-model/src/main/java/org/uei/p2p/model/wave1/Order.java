package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A {@code beckn:Order}: what select, init, confirm and their callbacks carry. */
public final class Order extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Order";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:orderStatus")
  private String orderStatus;

  @JsonProperty("beckn:orderNumber")
  private String orderNumber;

  @JsonProperty("beckn:seller")
  private String seller;

  @JsonProperty("beckn:buyer")
  private Buyer buyer;

  @JsonProperty("beckn:orderAttributes")
  private Attributes orderAttributes;

  @JsonProperty("beckn:orderItems")
  private List<OrderItem> orderItems;

  @JsonProperty("beckn:acceptedOffers")
  private List<Offer> acceptedOffers;

  @JsonProperty("beckn:orderValue")
  private PriceSpecification orderValue;

  @JsonProperty("beckn:invoice")
  private String invoice;

  @JsonProperty("beckn:fulfillment")
  private Fulfillment fulfillment;

  @JsonProperty("beckn:payment")
  private Payment payment;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getOrderStatus() {
    return orderStatus;
  }

  public void setOrderStatus(String orderStatus) {
    this.orderStatus = orderStatus;
  }

  public String getOrderNumber() {
    return orderNumber;
  }

  public void setOrderNumber(String orderNumber) {
    this.orderNumber = orderNumber;
  }

  public String getSeller() {
    return seller;
  }

  public void setSeller(String seller) {
    this.seller = seller;
  }

  public Buyer getBuyer() {
    return buyer;
  }

  public void setBuyer(Buyer buyer) {
    this.buyer = buyer;
  }

  public Attributes getOrderAttributes() {
    return orderAttributes;
  }

  public void setOrderAttributes(Attributes orderAttributes) {
    this.orderAttributes = orderAttributes;
  }

  public List<OrderItem> getOrderItems() {
    return orderItems;
  }

  public void setOrderItems(List<OrderItem> orderItems) {
    this.orderItems = orderItems;
  }

  public List<Offer> getAcceptedOffers() {
    return acceptedOffers;
  }

  public void setAcceptedOffers(List<Offer> acceptedOffers) {
    this.acceptedOffers = acceptedOffers;
  }

  public PriceSpecification getOrderValue() {
    return orderValue;
  }

  public void setOrderValue(PriceSpecification orderValue) {
    this.orderValue = orderValue;
  }

  public String getInvoice() {
    return invoice;
  }

  public void setInvoice(String invoice) {
    this.invoice = invoice;
  }

  public Fulfillment getFulfillment() {
    return fulfillment;
  }

  public void setFulfillment(Fulfillment fulfillment) {
    this.fulfillment = fulfillment;
  }

  public Payment getPayment() {
    return payment;
  }

  public void setPayment(Payment payment) {
    this.payment = payment;
  }
}
