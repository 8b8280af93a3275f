package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A {@code beckn:Buyer}; in P2P trading its {@code EnergyCustomer} pack names the buyer meter and
 * DISCOM.
 */
public final class Buyer extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Buyer";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:role")
  private String role;

  @JsonProperty("beckn:displayName")
  private String displayName;

  @JsonProperty("beckn:telephone")
  private String telephone;

  @JsonProperty("beckn:email")
  private String email;

  @JsonProperty("beckn:taxID")
  private String taxId;

  @JsonProperty("beckn:buyerAttributes")
  private Attributes buyerAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getTelephone() {
    return telephone;
  }

  public void setTelephone(String telephone) {
    this.telephone = telephone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getTaxId() {
    return taxId;
  }

  public void setTaxId(String taxId) {
    this.taxId = taxId;
  }

  public Attributes getBuyerAttributes() {
    return buyerAttributes;
  }

  public void setBuyerAttributes(Attributes buyerAttributes) {
    this.buyerAttributes = buyerAttributes;
  }
}
