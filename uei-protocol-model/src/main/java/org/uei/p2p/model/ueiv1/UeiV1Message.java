package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code message} of a UEI v1 envelope. What it carries depends on the action ({@link
 * UeiV1Action#carries()}); getters for what a message does not carry return {@code null} or an
 * empty list.
 */
public final class UeiV1Message extends UeiV1Object {

  UeiV1Message(ObjectNode json, String path) {
    super(json, path);
  }

  /** A message over a copy of {@code json}, e.g. one a codec built. */
  public static UeiV1Message of(ObjectNode json) {
    return new UeiV1Message(json.deepCopy(), "message");
  }

  /** {@code intent} of search, or {@code null}. */
  public Intent intent() {
    return object("intent", Intent::new);
  }

  /** {@code catalog} of on_search, or {@code null}. */
  public Catalog catalog() {
    return object("catalog", Catalog::new);
  }

  /** {@code order} of select … on_cancel, or {@code null}. */
  public Order order() {
    return object("order", Order::new);
  }

  /** {@code order_id} of status and cancel, or {@code null}. */
  public String orderId() {
    return text("order_id");
  }

  /** {@code cancellation_reason_id} of cancel, or {@code null}. */
  public String cancellationReasonId() {
    return text("cancellation_reason_id");
  }

  /** {@code update_target} of update (comma-separated order members), or {@code null}. */
  public String updateTarget() {
    return text("update_target");
  }

  /** {@code ratings[]} of rating. */
  public List<Rating> ratings() {
    return objects("ratings", Rating::new);
  }

  /** {@code support} of support and on_support, or {@code null}. */
  public Support support() {
    return object("support", Support::new);
  }

  /** {@code feedback_form.form.url} of on_rating, or {@code null}. */
  public String feedbackFormUrl() {
    return textAtPointer("/feedback_form/form/url");
  }

  /** What a buyer looks for: an item (quantity, price), a category and a delivery window. */
  public static final class Intent extends UeiV1Object {
    Intent(ObjectNode json, String path) {
      super(json, path);
    }

    /** {@code item}, or {@code null}. */
    public Item item() {
      return object("item", Item::new);
    }

    /** {@code fulfillment}, or {@code null}. */
    public Fulfillment fulfillment() {
      return object("fulfillment", Fulfillment::new);
    }

    /** {@code category.descriptor.code}, e.g. {@code solar-energy}, or {@code null}. */
    public String categoryCode() {
      return textAtPointer("/category/descriptor/code");
    }

    /** {@code provider.id}, or {@code null}. */
    public String providerId() {
      return textAtPointer("/provider/id");
    }
  }

  /** One rating: {@code id} of what is rated, {@code rating_category} and {@code value}. */
  public static final class Rating extends UeiV1Object {
    /** The 1.1.0 rating categories. */
    public static final List<String> CATEGORIES = List.of("ORDER", "SELLER", "SUPPORT", "PAYMENT");

    Rating(ObjectNode json, String path) {
      super(json, path);
    }

    public String id() {
      return text("id");
    }

    public String ratingCategory() {
      return text("rating_category");
    }

    public String value() {
      return text("value");
    }
  }

  /** A support request ({@code ref_id}) or the support contacts of its callback. */
  public static final class Support extends UeiV1Object {
    Support(ObjectNode json, String path) {
      super(json, path);
    }

    /** {@code ref_id}: the order (or other object) the request is about. */
    public String refId() {
      return text("ref_id");
    }

    public String phone() {
      return text("phone");
    }

    public String callbackPhone() {
      return text("callback_phone");
    }

    public String email() {
      return text("email");
    }

    public String url() {
      return text("url");
    }
  }
}
