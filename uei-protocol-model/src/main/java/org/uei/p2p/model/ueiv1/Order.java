package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A Beckn 1.1.0 order: one provider, its {@code items}, the {@code fulfillments} they are delivered
 * by, and as the seller platform answers a {@code quote} and {@code payments}; an {@code id} and
 * {@code status} once confirmed.
 */
public final class Order extends UeiV1Object {

  /** The 1.1.0 order states. */
  public static final List<String> STATES = List.of("ACTIVE", "COMPLETE", "CANCELLED");

  Order(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  public String status() {
    return text("status");
  }

  /** {@code provider.id}, or {@code null}. */
  public String providerId() {
    return textAtPointer("/provider/id");
  }

  /** {@code items[]}, in wire order. */
  public List<Item> items() {
    return objects("items", Item::new);
  }

  /** {@code fulfillments[]}, in wire order. */
  public List<Fulfillment> fulfillments() {
    return objects("fulfillments", Fulfillment::new);
  }

  /** The fulfillment with this id. */
  public Optional<Fulfillment> fulfillment(String id) {
    return fulfillments().stream().filter(f -> f != null && id.equals(f.id())).findFirst();
  }

  /** {@code quote.price.value} as a decimal, or {@code null}. */
  public BigDecimal quoteValue() {
    return decimalAtPointer("/quote/price/value");
  }

  /** {@code quote.price.currency}, or {@code null}. */
  public String quoteCurrency() {
    return textAtPointer("/quote/price/currency");
  }

  /** {@code payments[]}, in wire order. */
  public List<Payment> payments() {
    return objects("payments", Payment::new);
  }

  /** A payment term: who collects, when ({@code type}) and whether it is paid. */
  public static final class Payment extends UeiV1Object {
    /** The 1.1.0 payment types. */
    public static final List<String> TYPES =
        List.of("PRE_ORDER", "PRE_FULFILLMENT", "ON_FULFILLMENT", "POST_FULFILLMENT");

    /** The 1.1.0 payment states. */
    public static final List<String> STATES = List.of("PAID", "NOT_PAID");

    /** Who collects a payment. */
    public static final List<String> COLLECTORS = List.of("BAP", "BPP");

    Payment(ObjectNode json, String path) {
      super(json, path);
    }

    public String id() {
      return text("id");
    }

    public String type() {
      return text("type");
    }

    public String status() {
      return text("status");
    }

    public String collectedBy() {
      return text("collected_by");
    }

    /** {@code params.amount} as a decimal, or {@code null}. */
    public BigDecimal amount() {
      return decimalAtPointer("/params/amount");
    }

    /** {@code params.currency}, or {@code null}. */
    public String currency() {
      return textAtPointer("/params/currency");
    }
  }
}
