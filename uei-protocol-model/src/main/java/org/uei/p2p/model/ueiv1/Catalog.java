package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** The {@code catalog} of on_search: the seller platform's providers and their items. */
public final class Catalog extends UeiV1Object {

  Catalog(ObjectNode json, String path) {
    super(json, path);
  }

  /** {@code providers[]}, in wire order. */
  public List<Provider> providers() {
    return objects("providers", Provider::new);
  }

  /**
   * A provider (a prosumer or a plant) with its items (energy offers) and the fulfillments
   * (delivery windows) they refer to.
   */
  public static final class Provider extends UeiV1Object {
    Provider(ObjectNode json, String path) {
      super(json, path);
    }

    public String id() {
      return text("id");
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
  }
}
