package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code beckn:Payment}: status and amount of the payment for an order; settlement accounts
 * travel in a {@code PaymentSettlement} pack.
 */
public final class Payment extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Payment";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:amount")
  private MonetaryAmount amount;

  @JsonProperty("beckn:beneficiary")
  private String beneficiary;

  @JsonProperty("beckn:paymentStatus")
  private String paymentStatus;

  @JsonProperty("beckn:acceptedPaymentMethod")
  private List<String> acceptedPaymentMethod;

  @JsonProperty("beckn:paymentURL")
  private String paymentUrl;

  @JsonProperty("beckn:txnRef")
  private String txnRef;

  @JsonProperty("beckn:paidAt")
  private String paidAt;

  @JsonProperty("beckn:paymentAttributes")
  private Attributes paymentAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public MonetaryAmount getAmount() {
    return amount;
  }

  public void setAmount(MonetaryAmount amount) {
    this.amount = amount;
  }

  public String getBeneficiary() {
    return beneficiary;
  }

  public void setBeneficiary(String beneficiary) {
    this.beneficiary = beneficiary;
  }

  public String getPaymentStatus() {
    return paymentStatus;
  }

  public void setPaymentStatus(String paymentStatus) {
    this.paymentStatus = paymentStatus;
  }

  public List<String> getAcceptedPaymentMethod() {
    return acceptedPaymentMethod;
  }

  public void setAcceptedPaymentMethod(List<String> acceptedPaymentMethod) {
    this.acceptedPaymentMethod = acceptedPaymentMethod;
  }

  public String getPaymentUrl() {
    return paymentUrl;
  }

  public void setPaymentUrl(String paymentUrl) {
    this.paymentUrl = paymentUrl;
  }

  public String getTxnRef() {
    return txnRef;
  }

  public void setTxnRef(String txnRef) {
    this.txnRef = txnRef;
  }

  public String getPaidAt() {
    return paidAt;
  }

  public void setPaidAt(String paidAt) {
    this.paidAt = paidAt;
  }

  public Attributes getPaymentAttributes() {
    return paymentAttributes;
  }

  public void setPaymentAttributes(Attributes paymentAttributes) {
    this.paymentAttributes = paymentAttributes;
  }
}
