package org.uei.p2p.model.ueiv1;

import java.util.Optional;

/**
 * The actions of the UEI v1 P2P trading API (Beckn 1.1.0, domain {@code uei:p2p-trading}), with
 * what their {@code message} carries. The endpoint of an action is {@code POST
 * {receiver}/{wireName}}; {@code search} is the discovery of this generation.
 */
public enum UeiV1Action {
  SEARCH("search", Carries.INTENT),
  ON_SEARCH("on_search", Carries.CATALOG),
  SELECT("select", Carries.ORDER),
  ON_SELECT("on_select", Carries.ORDER),
  INIT("init", Carries.ORDER),
  ON_INIT("on_init", Carries.ORDER),
  CONFIRM("confirm", Carries.ORDER),
  ON_CONFIRM("on_confirm", Carries.ORDER),
  STATUS("status", Carries.ORDER_ID),
  ON_STATUS("on_status", Carries.ORDER),
  UPDATE("update", Carries.ORDER),
  ON_UPDATE("on_update", Carries.ORDER),
  CANCEL("cancel", Carries.ORDER_ID),
  ON_CANCEL("on_cancel", Carries.ORDER),
  RATING("rating", Carries.RATINGS),
  ON_RATING("on_rating", Carries.FEEDBACK_FORM),
  SUPPORT("support", Carries.SUPPORT),
  ON_SUPPORT("on_support", Carries.SUPPORT);

  /** What the {@code message} of an action carries. */
  public enum Carries {
    /** {@code message.intent}. */
    INTENT,
    /** {@code message.catalog}. */
    CATALOG,
    /** {@code message.order} (update adds {@code update_target}). */
    ORDER,
    /** {@code message.order_id} (cancel adds {@code cancellation_reason_id}). */
    ORDER_ID,
    /** {@code message.ratings[]}. */
    RATINGS,
    /** {@code message.feedback_form}. */
    FEEDBACK_FORM,
    /** {@code message.support}. */
    SUPPORT
  }

  private final String wireName;
  private final Carries carries;

  UeiV1Action(String wireName, Carries carries) {
    this.wireName = wireName;
    this.carries = carries;
  }

  /** The name used in {@code context.action} and in the endpoint path. */
  public String wireName() {
    return wireName;
  }

  /** What the message of this action carries. */
  public Carries carries() {
    return carries;
  }

  /** True for callbacks ({@code on_*}). */
  public boolean isCallback() {
    return wireName.startsWith("on_");
  }

  /** The callback of a request ({@code on_<action>}); empty for a callback. */
  public Optional<UeiV1Action> callback() {
    return isCallback() ? Optional.empty() : fromWireName("on_" + wireName);
  }

  /** The action with this wire name, if known. */
  public static Optional<UeiV1Action> fromWireName(String name) {
    if (name != null) {
      for (UeiV1Action a : values()) {
        if (a.wireName.equals(name)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
