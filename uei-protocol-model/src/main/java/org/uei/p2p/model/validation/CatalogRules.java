package org.uei.p2p.model.validation;

import java.util.List;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.wave1.Catalog;

/**
 * Rules for discover filters and for the catalogs of {@code on_discover} and {@code
 * catalog_publish}.
 */
final class CatalogRules {

  private CatalogRules() {}

  static void discover(Problems p, DiscoverMessage m) {
    if (m.getFilters() == null && (m.getTextSearch() == null || m.getTextSearch().isBlank())) {
      p.add("message.filters", "is required (or message.text_search)");
      return;
    }
    DiscoverMessage.Filters f = m.getFilters();
    if (f != null) {
      if (p.required("message.filters.type", f.getType())) {
        p.equalTo("message.filters.type", f.getType(), DiscoverMessage.Filters.JSONPATH);
      }
      p.required("message.filters.expression", f.getExpression());
    }
  }

  static void catalogs(Problems p, Action action, CatalogMessage m) {
    List<Catalog> catalogs = m.getCatalogs();
    if (action == Action.CATALOG_PUBLISH) {
      if (!p.required("message.catalogs", catalogs)) {
        return;
      }
    } else if (catalogs == null) {
      p.required("message.catalogs", null);
      return;
    }
    for (int c = 0; c < catalogs.size(); c++) {
      String cp = "message.catalogs[" + c + "]";
      Catalog cat = catalogs.get(c);
      if (cat == null) {
        p.add(cp, "must be an object");
        continue;
      }
      p.required(cp + ".beckn:id", cat.getId());
      p.httpUri(cp + ".beckn:bppUri", cat.getBppUri());
      for (int i = 0; cat.getItems() != null && i < cat.getItems().size(); i++) {
        ObjectRules.item(p, cp + ".beckn:items[" + i + "]", cat.getItems().get(i));
      }
      for (int i = 0; cat.getOffers() != null && i < cat.getOffers().size(); i++) {
        ObjectRules.offer(p, cp + ".beckn:offers[" + i + "]", cat.getOffers().get(i));
      }
    }
  }
}
