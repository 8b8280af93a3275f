package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The SettlementTerm pack (v2.0): how the seller platform wants to be paid. {@code payTo} is one of
 * a UPI {@code vpa}, a {@code paymentUrl} or a bank account ({@code accountNumber} with {@code
 * branchCode}, the IFSC).
 */
public final class SettlementTerm extends Wave2Object {

  /** {@code @type} of the pack. */
  public static final String TYPE = "SettlementTerm";

  SettlementTerm(ObjectNode json, String path) {
    super(json, path);
  }

  /** {@code payTo}, or {@code null}. */
  public PayTo payTo() {
    return object("payTo", PayTo::new);
  }

  public List<String> acceptedPaymentMethods() {
    return texts("acceptedPaymentMethods");
  }

  public String paymentTrigger() {
    return text("paymentTrigger");
  }

  public String settlementStatus() {
    return text("settlementStatus");
  }

  /** {@code amount.value}, or {@code null}. */
  public BigDecimal amount() {
    return decimalOf(json().path("amount").get("value"));
  }

  /** {@code amount.currency}, or {@code null}. */
  public String amountCurrency() {
    JsonNode c = json().path("amount").path("currency");
    return c.isTextual() ? c.asText() : null;
  }

  /** Where the money goes. */
  public static final class PayTo extends Wave2Object {
    PayTo(ObjectNode json, String path) {
      super(json, path);
    }

    /** UPI virtual payment address, e.g. {@code seller@bank}. */
    public String vpa() {
      return text("vpa");
    }

    public String paymentUrl() {
      return text("paymentUrl");
    }

    public String accountNumber() {
      return text("accountNumber");
    }

    /** The branch's IFSC. */
    public String branchCode() {
      return text("branchCode");
    }

    public String accountHolderName() {
      return text("accountHolderName");
    }

    public String bankName() {
      return text("bankName");
    }
  }
}
