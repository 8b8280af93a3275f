package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.Wave2Network.PVVNL_UTILITY;
import static org.uei.p2p.examples.network.Wave2Network.SELLER_PLATFORM;
import static org.uei.p2p.examples.network.Wave2Network.TPDDL_UTILITY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.settlement.Figures;

/**
 * The wave-2 day's steps up to the confirmed contracts, each one call (or a few) to a node's own
 * API, printing what happened and checking the outcome: enrolment, offers, the catalog at the
 * discovery service, purchases and what the DISCOMs' ledgers recorded of them.
 */
final class Wave2Steps {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALL_OFFERS =
      "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\")";

  /** What a purchase left behind: its transaction, and the ACTIVE contract or the refusal. */
  record Bought(Wave2Cast.Purchase p, String transactionId, String contractId, String refusal) {}

  private final Wave2Network net;
  private final Console console;

  Wave2Steps(Wave2Network net, Console console) {
    this.net = net;
    this.console = console;
  }

  void enrol() throws IOException, InterruptedException {
    List<Map<String, Object>> tpddl = new ArrayList<>();
    for (Wave2Cast.Consumer c : Wave2Cast.TPDDL_CONSUMERS) {
      tpddl.add(consumer(c.meterId(), c.id(), c.sanctionedLoadKw(), 0, "DL"));
    }
    List<Map<String, Object>> pvvnl = new ArrayList<>();
    for (DemoCast.Prosumer p : Wave2Cast.PROSUMERS) {
      pvvnl.add(consumer(p.meterId(), p.id(), p.capacityKw(), p.capacityKw(), "UP"));
    }
    Json.post(net.tpddl.url() + "/utility/consumers", tpddl).expect(201);
    Json.post(net.pvvnl.url() + "/utility/consumers", pvvnl).expect(201);
    for (DemoCast.Prosumer p : Wave2Cast.PROSUMERS) {
      PlatformSteps.registerProsumer(net.bpp.url(), p, "PVVNL", "UP");
    }
    console.step(
        "TPDDL (Delhi) enrolled %d consumer meters with their sanctioned loads", tpddl.size());
    console.step(
        "PVVNL (UP) enrolled %d prosumer meters; the seller platform registered them",
        pvvnl.size());
    console.step(
        "%s's meter %s is BRPL's: BRPL is registered, but the network's contract policy lets only "
            + "TPDDL and PVVNL consumers buy",
        Wave2Cast.LAJPAT.name(), Wave2Cast.LAJPAT.meterId());
  }

  private static Map<String, Object> consumer(
      String meter, String customer, int sanctionedKw, int installedKw, String state) {
    return Map.of(
        "meterId",
        meter,
        "customerId",
        customer,
        "sanctionedLoadKw",
        sanctionedKw,
        "installedCapacityKw",
        installedKw,
        "stateCode",
        state);
  }

  String offer(DemoCast.Prosumer p, Instant slotStart) throws IOException, InterruptedException {
    return PlatformSteps.offer(console, net.bpp.url(), p, slotStart);
  }

  /**
   * Waits until the seller platform's catalog/publish reached the discovery service with {@code
   * offers} offers and its catalog/on_publish came back ACCEPTED.
   */
  void awaitPublished(int offers) throws Exception {
    CatalogDiscoveryService cds = net.catalogService();
    JsonNode pub =
        Await.until(
            () -> {
              JsonNode p =
                  Json.get(net.bpp.url() + "/provider/catalog/publication")
                      .expect(200)
                      .at("/catalogs/0");
              return cds.indexedOffers(SELLER_PLATFORM) == offers
                      && "ACCEPTED".equals(p.path("result").asText())
                      && p.path("resultGeneration").asLong() == p.path("generation").asLong()
                  ? p
                  : null;
            },
            WAIT);
    console.step(
        "the seller platform publishes catalog %s to %s: catalog/publish %s, catalog/on_publish %s,"
            + " %d offers indexed",
        pub == null ? "?" : pub.path("catalogId").asText(),
        Wave2Network.CATALOG_SERVICE,
        pub == null ? "?" : pub.path("delivery").asText(),
        pub == null ? "not ACCEPTED" : pub.path("result").asText(),
        cds.indexedOffers(SELLER_PLATFORM));
    console.check(pub != null, "the discovery service indexes every offer of the seller platform");
  }

  /** The buyer platform discovers through the catalog discovery service. */
  void discoverAll() throws IOException, InterruptedException {
    JsonNode d =
        Json.post(net.bap.url() + "/client/discover", Map.of("filter", ALL_OFFERS)).expect(200);
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode o : d.path("offers")) {
      rows.add(
          List.of(
              o.path("bppId").asText(),
              o.path("offerId").asText(),
              o.path("sellerMeterId").asText(),
              Figures.ist(Instant.parse(o.path("slotStart").asText())),
              "₹" + o.path("pricePerKwh").decimalValue().toPlainString(),
              Figures.kwh(o.path("maxKwh").decimalValue())));
    }
    console.step(
        "the Delhi buyer platform discovers through %s (on_discover signed by it, filter %s):",
        Wave2Network.CATALOG_SERVICE, ALL_OFFERS);
    console.table(List.of("seller", "offer", "meter", "slot", "price/kWh", "kWh"), rows);
    console.check(
        rows.size() == Wave2Cast.PROSUMERS.size(), "discover finds every offer at the CDS");
  }

  /** Discover (filtered to the offer), init, and confirm when init passed. */
  Bought buy(Wave2Cast.Purchase p, String offerId) throws Exception {
    String filter = "$.catalogs[*].offers[*] ? (@.id == '" + offerId + "')";
    JsonNode d =
        Json.post(net.bap.url() + "/client/discover", Map.of("filter", filter)).expect(200);
    String txn = d.get("transactionId").asText();
    Map<String, Object> init =
        Map.of(
            "transactionId",
            txn,
            "bppId",
            SELLER_PLATFORM,
            "buyer",
            Map.of(
                "id",
                p.buyer().id(),
                "meterId",
                p.buyer().meterId(),
                "discomId",
                p.buyer().discom()),
            "items",
            List.of(Map.of("offerId", offerId, "quantityKwh", p.kwh())));
    String refusal =
        PlatformSteps.error(Json.post(net.bap.url() + "/client/init", init).expect(200));
    String contract = null;
    if (refusal == null) {
      JsonNode c =
          Json.post(net.bap.url() + "/client/confirm", Map.of("transactionId", txn)).expect(200);
      refusal = PlatformSteps.error(c);
      JsonNode wire = c.at("/callbacks/0/message/contract");
      if (refusal == null && "ACTIVE".equals(wire.at("/status/code").asText())) {
        contract = wire.path("id").asText();
      } else if (refusal == null) {
        refusal = "contract " + wire.at("/status/code").asText() + ", not ACTIVE";
      }
    }
    console.step(
        "%-18s (%s) asks %s kWh of %-20s → %s",
        p.buyer().name(),
        p.buyer().discom(),
        TradingDay.kwh(p.kwh()),
        p.seller().name(),
        contract != null ? "ACTIVE contract " + contract : "refused: " + refusal);
    return new Bought(p, txn, contract, refusal);
  }

  /** What is left of an offer on the seller platform. */
  BigDecimal availableKwh(String offerId) throws IOException, InterruptedException {
    return Json.get(net.bpp.url() + "/provider/offers/" + offerId)
        .expect(200)
        .get("availableKwh")
        .decimalValue();
  }

  /** What TPDDL's utility node says is left of a meter's sanctioned load in the slot. */
  BigDecimal headroom(String meter, Instant slot) throws IOException, InterruptedException {
    return Json.get(
            net.tpddl.url()
                + "/utility/headroom?meterId="
                + meter
                + "&side=buyer&slotStart="
                + slot)
        .expect(200)
        .get("remainingHeadroomKwh")
        .decimalValue();
  }

  /**
   * Each ACTIVE contract is on both DISCOMs' ledgers: the seller platform forwarded it (POST
   * /ledger/put, seller side first) before it answered on_confirm.
   */
  void ledgerRecords(List<Bought> confirmed) throws IOException, InterruptedException {
    for (Bought b : confirmed) {
      JsonNode pv = records(net.pvvnlLedger, PVVNL_UTILITY, b.transactionId());
      JsonNode tp = records(net.tpddlLedger, TPDDL_UTILITY, b.transactionId());
      console.step(
          "contract %s on the ledgers: PVVNL's %s, TPDDL's %s (%s kWh, %s → %s)",
          b.contractId(),
          pv.size() == 1 ? pv.get(0).path("recordId").asText() : pv.size() + " records",
          tp.size() == 1 ? tp.get(0).path("recordId").asText() : tp.size() + " records",
          tp.size() == 1 ? tp.get(0).at("/tradeDetails/0/tradeQty").asText() : "?",
          tp.size() == 1 ? tp.get(0).path("sellerId").asText() : "?",
          tp.size() == 1 ? tp.get(0).path("buyerId").asText() : "?");
      console.check(
          pv.size() == 1 && tp.size() == 1,
          "contract " + b.contractId() + " is recorded on both DISCOMs' ledgers");
    }
  }

  JsonNode records(NodeProcess ledger, String caller, String txn)
      throws IOException, InterruptedException {
    return net.ledgerGet(ledger, caller, Map.of("transactionId", txn)).get("records");
  }
}
