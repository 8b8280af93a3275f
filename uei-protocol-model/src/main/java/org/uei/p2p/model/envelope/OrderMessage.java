package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.Order;

/**
 * {@code {order}}: the message of select, init, confirm, status, update, cancel and their
 * callbacks. For status and cancel the order may carry only its {@code beckn:id}.
 */
public final class OrderMessage extends Message {

  @JsonProperty("order")
  private Order order;

  public OrderMessage() {}

  /** A message carrying {@code order}. */
  public OrderMessage(Order order) {
    this.order = order;
  }

  public Order getOrder() {
    return order;
  }

  public void setOrder(Order order) {
    this.order = order;
  }
}
