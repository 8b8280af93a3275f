package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A {@code catalogs[]} entry of catalog/publish and on_discover: the seller platform's resources
 * (one per seller meter) and offers (EnergyTradeOffer, one TimeSeries of slots each).
 */
public final class Catalog extends Wave2Object {

  Catalog(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** {@code descriptor.name}, or {@code null}. */
  public String name() {
    JsonNode n = json().path("descriptor").path("name");
    return n.isTextual() ? n.asText() : null;
  }

  public String bppId() {
    return text("bppId");
  }

  public String bppUri() {
    return text("bppUri");
  }

  /** {@code provider.id}, or {@code null}. */
  public String providerId() {
    JsonNode n = json().path("provider").path("id");
    return n.isTextual() ? n.asText() : null;
  }

  public List<Resource> resources() {
    return objects("resources", Resource::new);
  }

  /** The resource with this id. */
  public Optional<Resource> resource(String id) {
    return resources().stream()
        .filter(r -> r != null && id != null && id.equals(r.id()))
        .findFirst();
  }

  public List<CatalogOffer> offers() {
    return objects("offers", CatalogOffer::new);
  }
}
