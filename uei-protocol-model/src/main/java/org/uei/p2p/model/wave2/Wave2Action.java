package org.uei.p2p.model.wave2;

import java.util.Optional;

/**
 * The IES wave-2 (Beckn 2.0 LTS) actions of the P2P trading flow, with what their {@code message}
 * carries. The endpoint of an action is {@code POST {receiver}/{wireName}}.
 *
 * <p>{@code select}/{@code on_select} are accepted but never required: the devkit starts at init.
 * {@code status}/{@code on_status} also run between a ledger provider and its DISCOM (meter
 * actuals) and from the seller platform unprompted, with the same message shape.
 */
public enum Wave2Action {
  CATALOG_PUBLISH("catalog/publish", Carries.CATALOGS),
  CATALOG_ON_PUBLISH("catalog/on_publish", Carries.NOTHING),
  DISCOVER("discover", Carries.INTENT),
  ON_DISCOVER("on_discover", Carries.CATALOGS),
  SELECT("select", Carries.CONTRACT),
  ON_SELECT("on_select", Carries.CONTRACT),
  INIT("init", Carries.CONTRACT),
  ON_INIT("on_init", Carries.CONTRACT),
  CONFIRM("confirm", Carries.CONTRACT),
  ON_CONFIRM("on_confirm", Carries.CONTRACT),
  STATUS("status", Carries.CONTRACT),
  ON_STATUS("on_status", Carries.CONTRACT),
  UPDATE("update", Carries.CONTRACT),
  ON_UPDATE("on_update", Carries.CONTRACT),
  CANCEL("cancel", Carries.CONTRACT),
  ON_CANCEL("on_cancel", Carries.CONTRACT);

  /** What the {@code message} of an action carries. */
  public enum Carries {
    /** {@code message.contract}. */
    CONTRACT,
    /** {@code message.catalogs[]} (plus the deprecated {@code publishDirectives}). */
    CATALOGS,
    /** {@code message.intent}. */
    INTENT,
    /** Nothing this library models. */
    NOTHING
  }

  private final String wireName;
  private final Carries carries;

  Wave2Action(String wireName, Carries carries) {
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

  /** True for callbacks ({@code on_*}, {@code catalog/on_publish}). */
  public boolean isCallback() {
    return wireName.startsWith("on_") || wireName.contains("/on_");
  }

  /** The action with this wire name, if known. */
  public static Optional<Wave2Action> fromWireName(String name) {
    if (name != null) {
      for (Wave2Action a : values()) {
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
