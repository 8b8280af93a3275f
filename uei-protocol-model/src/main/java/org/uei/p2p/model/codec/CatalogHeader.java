package org.uei.p2p.model.codec;

import java.util.Objects;

/**
 * What a catalog says about its publisher, independent of the wire generation.
 *
 * @param catalogId id of the catalog
 * @param name human-readable name
 * @param bppId subscriber id of the seller platform
 * @param bppUri Beckn endpoint of the seller platform
 */
public record CatalogHeader(String catalogId, String name, String bppId, String bppUri) {
  /** Requires every field. */
  public CatalogHeader {
    Objects.requireNonNull(catalogId, "catalogId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bppId, "bppId");
    Objects.requireNonNull(bppUri, "bppUri");
  }
}
