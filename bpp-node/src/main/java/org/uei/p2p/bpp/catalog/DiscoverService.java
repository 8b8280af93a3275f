package org.uei.p2p.bpp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.energy.EnergyResource;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.wave1.Catalog;
import org.uei.p2p.model.wave1.Item;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * Answers discover: the open offers as a wave-1 catalog, keeping only the offers whose item and
 * offer satisfy the request's filter. Items carry the network ids, source type and energy still
 * available, so that filters written against the published examples work.
 */
@ApplicationScoped
public class DiscoverService {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject CatalogService catalog;
  @Inject NodeIdentity identity;
  @Inject BppConfig config;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  /** The catalog of offers open now that match {@code filter}; an empty catalog when none do. */
  @Transactional
  public CatalogMessage discover(DiscoverFilter filter) {
    Instant now = marketClock.now();
    List<SlotOffer> open = catalog.openOffers(now);
    Map<String, SlotOffer> byId = new LinkedHashMap<>();
    List<EnergyOffer> offers = new ArrayList<>();
    for (SlotOffer o : open) {
      byId.put(o.id, o);
      offers.add(catalog.toEnergyOffer(o));
    }
    CatalogMessage all = catalogOf(offers, byId);
    Catalog c = all.getCatalogs().get(0);
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (Item it : c.getItems()) {
      items.put(it.getId(), BecknJson.toTree(it));
    }
    List<EnergyOffer> kept = new ArrayList<>();
    for (int i = 0; i < offers.size(); i++) {
      Offer wire = c.getOffers().get(i);
      ObjectNode item = ((ObjectNode) items.get(wire.getItems().get(0))).deepCopy();
      // The item as this one offer sees it: its own network and the energy it has left.
      SlotOffer o = byId.get(offers.get(i).offerId());
      item.putArray("beckn:networkId").add(o.networkId);
      JsonNode attrs = item.get("beckn:itemAttributes");
      if (attrs instanceof ObjectNode a) {
        a.put("availableQuantity", o.availableKwh);
      }
      if (filter.matches(item, BecknJson.toTree(wire))) {
        kept.add(offers.get(i));
      }
    }
    return catalogOf(kept, byId);
  }

  private CatalogMessage catalogOf(List<EnergyOffer> offers, Map<String, SlotOffer> byId) {
    CatalogMessage m =
        (CatalogMessage)
            codec.catalogMessage(
                new CatalogHeader(
                    "catalog-" + identity.subscriberId(),
                    config.catalogName(),
                    identity.subscriberId(),
                    identity.publicUrl()),
                offers);
    Catalog c = m.getCatalogs().get(0);
    Map<String, Set<String>> networks = new LinkedHashMap<>();
    Map<String, BigDecimal> available = new LinkedHashMap<>();
    Map<String, String> sourceType = new LinkedHashMap<>();
    for (EnergyOffer eo : offers) {
      SlotOffer o = byId.get(eo.offerId());
      String meter = eo.seller().meterId();
      networks.computeIfAbsent(meter, k -> new LinkedHashSet<>()).add(o.networkId);
      available.merge(meter, o.availableKwh, BigDecimal::add);
      Prosumer p = Prosumer.findById(o.prosumerId);
      sourceType.put(meter, p.sourceType);
    }
    for (Item it : c.getItems()) {
      it.setNetworkId(new ArrayList<>(networks.getOrDefault(it.getId(), Set.of())));
      it.setIsActive(true);
      if (it.getItemAttributes() instanceof EnergyResource r) {
        r.setSourceType(sourceType.get(it.getId()));
        r.putExtra(
            "availableQuantity",
            BecknJson.mapper().getNodeFactory().numberNode(available.get(it.getId())));
      }
    }
    for (Offer o : c.getOffers()) {
      o.setIsActive(true);
    }
    return m;
  }
}
