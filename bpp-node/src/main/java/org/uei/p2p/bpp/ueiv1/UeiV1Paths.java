package org.uei.p2p.bpp.ueiv1;

import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.beckn.OrderPaths;
import org.uei.p2p.model.ueiv1.Item;
import org.uei.p2p.model.ueiv1.Order;

/**
 * Where the lines of a Beckn 1.1.0 order sit: line {@code i} is the {@code i}-th item that is an
 * object, as the codec reads them, so a refusal names the buyer's own item. What 1.1.0 has no
 * member for (meters, platforms) is in the order's tags.
 */
final class UeiV1Paths implements OrderPaths {

  private final Order order;
  private final List<Item> items = new ArrayList<>();

  UeiV1Paths(Order order) {
    this.order = order;
    for (Item it : order.items()) {
      if (it != null) {
        items.add(it);
      }
    }
  }

  private String item(int i, String member) {
    return i < items.size() ? items.get(i).pathOf(member) : order.pathOf("items");
  }

  @Override
  public String offer(int i) {
    return item(i, "id");
  }

  @Override
  public String slot(int i) {
    return item(i, "fulfillment_ids");
  }

  @Override
  public String provider(int i) {
    return order.pathOf("provider.id");
  }

  @Override
  public String quantity(int i) {
    return item(i, "quantity.selected.measure.value");
  }

  @Override
  public String price(int i) {
    return item(i, "price.value");
  }

  @Override
  public String buyerMeter() {
    return order.pathOf("tags");
  }

  @Override
  public String sellerPlatform() {
    return order.pathOf("tags");
  }

  @Override
  public String order() {
    return order.path();
  }
}
