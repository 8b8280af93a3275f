package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.uei.p2p.model.wave1.Catalog;

/** {@code {catalogs}}: the message of {@code on_discover} and {@code catalog_publish}. */
public final class CatalogMessage extends Message {

  @JsonProperty("catalogs")
  private List<Catalog> catalogs;

  public CatalogMessage() {}

  /** A message carrying {@code catalogs}. */
  public CatalogMessage(List<Catalog> catalogs) {
    this.catalogs = catalogs;
  }

  public List<Catalog> getCatalogs() {
    return catalogs;
  }

  public void setCatalogs(List<Catalog> catalogs) {
    this.catalogs = catalogs;
  }
}
