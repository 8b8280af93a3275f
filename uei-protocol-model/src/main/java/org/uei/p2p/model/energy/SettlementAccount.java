package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.WireObject;

/** One settlement account of a {@code PaymentSettlement}. */
public final class SettlementAccount extends WireObject {

  @JsonProperty("beneficiaryId")
  private String beneficiaryId;

  @JsonProperty("accountHolderName")
  private String accountHolderName;

  @JsonProperty("accountNumber")
  private String accountNumber;

  @JsonProperty("ifscCode")
  private String ifscCode;

  @JsonProperty("bankName")
  private String bankName;

  @JsonProperty("vpa")
  private String vpa;

  public String getBeneficiaryId() {
    return beneficiaryId;
  }

  public void setBeneficiaryId(String beneficiaryId) {
    this.beneficiaryId = beneficiaryId;
  }

  public String getAccountHolderName() {
    return accountHolderName;
  }

  public void setAccountHolderName(String accountHolderName) {
    this.accountHolderName = accountHolderName;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public void setAccountNumber(String accountNumber) {
    this.accountNumber = accountNumber;
  }

  public String getIfscCode() {
    return ifscCode;
  }

  public void setIfscCode(String ifscCode) {
    this.ifscCode = ifscCode;
  }

  public String getBankName() {
    return bankName;
  }

  public void setBankName(String bankName) {
    this.bankName = bankName;
  }

  public String getVpa() {
    return vpa;
  }

  public void setVpa(String vpa) {
    this.vpa = vpa;
  }
}
