package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * The seller's open offers as a wave-2 catalog (on_discover): the same offers wave 1 shows, each
 * with what is left as AVAILABLE_QTY, written by the wave-2 codec under this seller's policy. An
 * offer of a DISCOM without a configured ledger provider is left out: no contract for it could be
 * recorded.
 */
@ApplicationScoped
public class Wave2Catalog {

  @Inject CatalogService catalog;
  @Inject NodeIdentity identity;
  @Inject BppConfig config;
  @Inject MarketClock marketClock;
  @Inject Discoms discoms;
  @Inject ContractPolicyStage policy;

  /** The open offers that match {@code filter}, judged on their wave-2 JSON. */
  @Transactional
  public Wave2Message discover(DiscoverFilter filter) {
    List<EnergyOffer> open = new ArrayList<>();
    for (SlotOffer o : catalog.openOffers(marketClock.now())) {
      EnergyOffer eo = catalog.toEnergyOffer(o);
      if (discoms.ledger(eo.seller().discomId()).isPresent()) {
        open.add(eo);
      }
    }
    Wave2Message all = catalogOf(open);
    Set<String> kept = new HashSet<>();
    for (JsonNode offer : all.toJson().path("catalogs").path(0).path("offers")) {
      if (filter.matches(offer, offer)) {
        kept.add(offer.path("id").asText());
      }
    }
    return catalogOf(open.stream().filter(o -> kept.contains(o.offerId())).toList());
  }

  /** The id of this seller's catalog, the same in on_discover and catalog/publish. */
  public String catalogId() {
    return "catalog-" + identity.subscriberId();
  }

  private Wave2Message catalogOf(List<EnergyOffer> offers) {
    return new Wave2Codec(policy.reference(), discoms.all())
        .catalogMessage(
            new CatalogHeader(
                catalogId(), config.catalogName(), identity.subscriberId(), identity.publicUrl()),
            offers);
  }
}
