package org.uei.p2p.bpp.ueiv1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * The seller's open offers as a UEI v1 catalog (on_search): the same offers and the same energy
 * left as on the other wires, cut to what the search intent asks for ({@link SearchIntent}).
 */
@ApplicationScoped
public class UeiV1Catalog {

  private final UeiV1Codec codec = new UeiV1Codec();

  @Inject CatalogService catalog;
  @Inject NodeIdentity identity;
  @Inject BppConfig config;
  @Inject MarketClock marketClock;

  /** The open offers that match {@code intent}. */
  @Transactional
  public UeiV1Message search(SearchIntent intent) {
    List<EnergyOffer> found =
        catalog.openOffers(marketClock.now()).stream()
            .map(catalog::toEnergyOffer)
            .filter(intent::matches)
            .toList();
    String catalogId = "catalog-" + identity.subscriberId();
    if (found.isEmpty()) {
      // A 1.1.0 catalog needs a provider; this platform, with nothing on offer, is that one.
      ObjectNode m = JsonNodeFactory.instance.objectNode();
      ObjectNode cat = m.putObject("catalog");
      cat.putObject("descriptor").put("name", config.catalogName()).put("code", catalogId);
      ObjectNode p = cat.putArray("providers").addObject().put("id", identity.subscriberId());
      p.putObject("descriptor").put("name", config.catalogName());
      return UeiV1Message.of(m);
    }
    return codec.catalogMessage(
        new CatalogHeader(
            catalogId, config.catalogName(), identity.subscriberId(), identity.publicUrl()),
        found);
  }
}
