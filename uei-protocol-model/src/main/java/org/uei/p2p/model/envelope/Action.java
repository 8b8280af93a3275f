package org.uei.p2p.model.envelope;

import java.util.Optional;

/**
 * The wave-1 actions, with the message class each one carries and its callback. The endpoint of an
 * action is {@code POST {receiver}/{wireName}}.
 */
public enum Action {
  DISCOVER("discover", DiscoverMessage.class),
  ON_DISCOVER("on_discover", CatalogMessage.class),
  SELECT("select", OrderMessage.class),
  ON_SELECT("on_select", OrderMessage.class),
  INIT("init", OrderMessage.class),
  ON_INIT("on_init", OrderMessage.class),
  CONFIRM("confirm", OrderMessage.class),
  ON_CONFIRM("on_confirm", OrderMessage.class),
  STATUS("status", OrderMessage.class),
  ON_STATUS("on_status", OrderMessage.class),
  UPDATE("update", OrderMessage.class),
  ON_UPDATE("on_update", OrderMessage.class),
  CANCEL("cancel", OrderMessage.class),
  ON_CANCEL("on_cancel", OrderMessage.class),
  CATALOG_PUBLISH("catalog_publish", CatalogMessage.class),
  ON_CATALOG_PUBLISH("on_catalog_publish", Message.class);

  private final String wireName;
  private final Class<? extends Message> messageType;

  Action(String wireName, Class<? extends Message> messageType) {
    this.wireName = wireName;
    this.messageType = messageType;
  }

  /** The name used in {@code context.action} and in the endpoint path. */
  public String wireName() {
    return wireName;
  }

  /** The class that {@code message} is read into. */
  public Class<? extends Message> messageType() {
    return messageType;
  }

  /** True for {@code on_*} actions (sent by the BPP side to the BAP). */
  public boolean isCallback() {
    return wireName.startsWith("on_");
  }

  /** The callback of a request action, e.g. {@code SELECT -> ON_SELECT}; empty for a callback. */
  public Optional<Action> callback() {
    return isCallback() ? Optional.empty() : fromWireName("on_" + wireName);
  }

  /**
   * The request that this callback answers, e.g. {@code ON_SELECT -> SELECT}; empty for a request.
   */
  public Optional<Action> request() {
    return isCallback() ? fromWireName(wireName.substring(3)) : Optional.empty();
  }

  /** The action with this wire name, if known. */
  public static Optional<Action> fromWireName(String name) {
    if (name != null) {
      for (Action a : values()) {
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
