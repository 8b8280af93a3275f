package org.uei.p2p.model.wave1;

import java.util.Set;

/**
 * Value sets that the Beckn core 2.0-rc schema declares as enums. Fields stay strings in the model
 * (an unknown value must survive a round trip); validation checks them.
 */
public final class CoreEnums {

  /** {@code beckn:Order.beckn:orderStatus}. */
  public static final Set<String> ORDER_STATUS =
      Set.of(
          "CREATED",
          "PENDING",
          "CONFIRMED",
          "INPROGRESS",
          "PARTIALLYFULFILLED",
          "COMPLETED",
          "CANCELLED",
          "REJECTED",
          "FAILED",
          "RETURNED",
          "REFUNDED",
          "ONHOLD");

  /** {@code beckn:Payment.beckn:paymentStatus}. */
  public static final Set<String> PAYMENT_STATUS =
      Set.of(
          "INITIATED",
          "PENDING",
          "AUTHORIZED",
          "CAPTURED",
          "COMPLETED",
          "FAILED",
          "CANCELLED",
          "REFUNDED",
          "PARTIALLY_REFUNDED",
          "CHARGEBACK",
          "DISPUTED",
          "EXPIRED",
          "REVERSED",
          "VOIDED",
          "SETTLED",
          "ON_HOLD",
          "ADJUSTED");

  /** {@code beckn:Payment.beckn:beneficiary}. */
  public static final Set<String> BENEFICIARY = Set.of("BPP", "BAP", "BUYER");

  /** {@code beckn:acceptedPaymentMethod[]}. */
  public static final Set<String> PAYMENT_METHOD =
      Set.of("UPI", "CREDIT_CARD", "DEBIT_CARD", "WALLET", "BANK_TRANSFER", "CASH", "APPLE_PAY");

  /** {@code beckn:Fulfillment.beckn:mode}. */
  public static final Set<String> FULFILLMENT_MODE =
      Set.of("DELIVERY", "PICKUP", "RESERVATION", "DIGITAL");

  /** {@code PriceSpecification.components[].type}. */
  public static final Set<String> PRICE_COMPONENT_TYPE =
      Set.of("UNIT", "TAX", "DELIVERY", "DISCOUNT", "FEE", "SURCHARGE");

  /** {@code beckn:Buyer.beckn:role}. */
  public static final Set<String> BUYER_ROLE =
      Set.of("BUYER", "SELLER", "INTERMEDIARY", "PAYER", "PAYEE", "FULFILLER");

  private CoreEnums() {}
}
