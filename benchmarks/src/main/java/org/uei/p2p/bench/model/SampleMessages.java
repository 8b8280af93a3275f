package org.uei.p2p.bench.model;

import java.nio.charset.StandardCharsets;

/**
 * Compact wave-1 messages of realistic size for the model benchmarks: a select with two order lines
 * (about 3 KB, like a buyer taking two hourly slots) and an on_discover whose catalog holds a given
 * number of offers.
 */
final class SampleMessages {

  private static final String CORE =
      "https://raw.githubusercontent.com/beckn/protocol-specifications-v2/tags/core-2.0.0-rc-eos-release/schema/core/v2/context.jsonld";
  private static final String ET =
      "https://raw.githubusercontent.com/beckn/DEG/tags/deg-1.0.1/specification/schema/EnergyTrade/v0.3/context.jsonld";

  private SampleMessages() {}

  private static String context(String action) {
    return "{\"domain\":\"beckn.one:deg:p2p-trading-interdiscom:2.0.0\",\"version\":\"2.0.0\",\"action\":\""
        + action
        + "\","
        + "\"timestamp\":\"2026-02-10T05:30:12.250Z\",\"message_id\":\"6f0c7a52-3d7e-4c1f-9a55-0b8e2f1d4a10\","
        + "\"transaction_id\":\"b1d7e0f4-8a2c-4b7e-9f13-5c6d7e8f9a01\",\"bap_id\":\"bap.sunshare.example\","
        + "\"bap_uri\":\"https://bap.sunshare.example/beckn\",\"bpp_id\":\"bpp.gridtrade.example\","
        + "\"bpp_uri\":\"https://bpp.gridtrade.example/beckn\",\"ttl\":\"PT30S\"}";
  }

  private static String window(String start, String end) {
    return "{\"@type\":\"beckn:TimePeriod\",\"schema:startTime\":\""
        + start
        + "\",\"schema:endTime\":\""
        + end
        + "\"}";
  }

  private static String customer(String meter, String discom) {
    return "{\"@context\":\""
        + ET
        + "\",\"@type\":\"EnergyCustomer\",\"meterId\":\""
        + meter
        + "\",\"utilityId\":\""
        + discom
        + "\"}";
  }

  private static String offer(int i, String price, String max, boolean active) {
    String hour = String.format("%02d", 1 + i % 12);
    return "{\"@context\":\""
        + CORE
        + "\",\"@type\":\"beckn:Offer\",\"beckn:id\":\"offer-"
        + i
        + "\","
        + (active ? "\"beckn:isActive\":true," : "")
        + "\"beckn:descriptor\":{\"@type\":\"beckn:Descriptor\",\"schema:name\":\"Rooftop PV slot "
        + hour
        + ":00Z\"},"
        + "\"beckn:provider\":\"prosumer-"
        + (i % 5)
        + "\",\"beckn:items\":[\"der-"
        + (i % 5)
        + "-pv\"],"
        + "\"beckn:price\":{\"@type\":\"schema:PriceSpecification\",\"schema:price\":"
        + price
        + ",\"schema:priceCurrency\":\"INR\","
        + "\"unitText\":\"kWh\",\"applicableQuantity\":{\"unitQuantity\":"
        + max
        + ",\"unitText\":\"kWh\"}},"
        + "\"beckn:offerAttributes\":{\"@context\":\""
        + ET
        + "\",\"@type\":\"EnergyTradeOffer\",\"pricingModel\":\"PER_KWH\","
        + "\"deliveryWindow\":"
        + window("2026-02-11T" + hour + ":00:00Z", "2026-02-11T" + hour + ":59:59Z")
        + ","
        + "\"validityWindow\":"
        + window("2026-02-10T00:00:00Z", "2026-02-10T20:00:00Z")
        + "}}";
  }

  private static String orderItem(int i, String qty) {
    return "{\"beckn:orderedItem\":\"der-"
        + (i % 5)
        + "-pv\",\"beckn:quantity\":{\"unitQuantity\":"
        + qty
        + ",\"unitText\":\"kWh\"},"
        + "\"beckn:orderItemAttributes\":{\"@context\":\""
        + ET
        + "\",\"@type\":\"EnergyOrderItem\",\"providerAttributes\":"
        + customer("TEST_PVVNL_M00" + i, "PVVNL")
        + "},"
        + "\"beckn:acceptedOffer\":"
        + offer(i, "6.25", "9.5", false)
        + "}";
  }

  /** A select for two slots of one prosumer, with EnergyTrade v0.3 packs throughout. */
  static byte[] select() {
    String order =
        "{\"@context\":\""
            + CORE
            + "\",\"@type\":\"beckn:Order\",\"beckn:orderStatus\":\"CREATED\","
            + "\"beckn:seller\":\"prosumer-0\",\"beckn:buyer\":{\"@context\":\""
            + CORE
            + "\",\"@type\":\"beckn:Buyer\","
            + "\"beckn:id\":\"consumer-rohini-42\",\"beckn:buyerAttributes\":"
            + customer("TEST_TPDDL_M0042", "TPDDL")
            + "},"
            + "\"beckn:orderAttributes\":{\"@context\":\""
            + ET
            + "\",\"@type\":\"EnergyTradeOrder\",\"bap_id\":\"bap.sunshare.example\","
            + "\"bpp_id\":\"bpp.gridtrade.example\",\"total_quantity\":{\"unitQuantity\":12.50,\"unitText\":\"kWh\"}},"
            + "\"beckn:orderItems\":["
            + orderItem(0, "8.0")
            + ","
            + orderItem(5, "4.50")
            + "]}";
    return ("{\"context\":" + context("select") + ",\"message\":{\"order\":" + order + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An on_discover with one catalog of five prosumer items and {@code offers} offers. */
  static byte[] onDiscover(int offers) {
    StringBuilder items = new StringBuilder();
    for (int p = 0; p < 5; p++) {
      if (p > 0) {
        items.append(',');
      }
      items
          .append("{\"@context\":\"")
          .append(CORE)
          .append("\",\"@type\":\"beckn:Item\",\"beckn:isActive\":true,")
          .append("\"beckn:id\":\"der-")
          .append(p)
          .append("-pv\",\"beckn:descriptor\":{\"@type\":\"beckn:Descriptor\",")
          .append("\"schema:name\":\"Rooftop PV ")
          .append(p)
          .append("\"},\"beckn:provider\":{\"beckn:id\":\"prosumer-")
          .append(p)
          .append("\",\"beckn:providerAttributes\":")
          .append(customer("TEST_PVVNL_M00" + p, "PVVNL"))
          .append("},")
          .append("\"beckn:itemAttributes\":{\"@context\":\"")
          .append(ET)
          .append("\",\"@type\":\"EnergyResource\",")
          .append("\"sourceType\":\"SOLAR\",\"meterId\":\"TEST_PVVNL_M00")
          .append(p)
          .append("\"}}");
    }
    StringBuilder offerList = new StringBuilder();
    for (int i = 0; i < offers; i++) {
      if (i > 0) {
        offerList.append(',');
      }
      offerList.append(offer(i, (5 + i % 3) + "." + (10 + i), (2 + i % 7) + ".5", true));
    }
    String catalog =
        "{\"@context\":\""
            + CORE
            + "\",\"@type\":\"beckn:Catalog\",\"beckn:id\":\"catalog-gridtrade\","
            + "\"beckn:descriptor\":{\"@type\":\"beckn:Descriptor\",\"schema:name\":\"GridTrade rooftop energy\"},"
            + "\"beckn:bppId\":\"bpp.gridtrade.example\",\"beckn:bppUri\":\"https://bpp.gridtrade.example/beckn\","
            + "\"beckn:items\":["
            + items
            + "],\"beckn:offers\":["
            + offerList
            + "]}";
    return ("{\"context\":"
            + context("on_discover")
            + ",\"message\":{\"catalogs\":["
            + catalog
            + "]}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
