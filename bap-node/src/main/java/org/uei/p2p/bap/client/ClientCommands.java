package org.uei.p2p.bap.client;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the client API. */
public final class ClientCommands {

  private ClientCommands() {}

  /**
   * Discover offers. The two wires filter in different languages: {@code filter} is wave 1's
   * JSONPath over the catalog's items, {@code wave2Filter} the intent's {@code filters.expression}
   * over {@code catalogs}. A node of wave 2 only also takes {@code filter} as the wave-2
   * expression.
   *
   * @param filter a JSONPath filter expression, e.g. {@code $[?(@.beckn:price.schema:price <= 7)]};
   *     none: all
   * @param wave2Filter the wave-2 expression, e.g. {@code $.catalogs[*].offers[*] ? (...)}; none:
   *     every EnergyTradeOffer
   * @param transactionId continue a transaction; a new one when absent
   * @param ttl ISO-8601 duration the BPPs have to answer; {@code uei.ttl} when absent
   */
  public record Discover(String filter, String wave2Filter, String transactionId, String ttl) {}

  /**
   * Select, init, confirm, status, update or cancel within a transaction started by discover.
   *
   * @param transactionId the transaction (from discover)
   * @param bppId the seller platform; for init onwards, the one selected in this transaction when
   *     absent
   * @param items offers and quantities (select; init/confirm reuse the last quote when absent)
   * @param buyer the buyer and meter (select; reused afterwards)
   * @param orderId for status, update and cancel; the confirmed order of the transaction when
   *     absent
   * @param quantityKwh for update: the order's new quantity
   * @param ttl ISO-8601 duration; {@code uei.ttl} when absent
   */
  public record Order(
      String transactionId,
      String bppId,
      List<Item> items,
      Buyer buyer,
      String orderId,
      BigDecimal quantityKwh,
      String ttl) {}

  /**
   * One offer and the energy wanted from it. A wave-2 offer spans several one-hour intervals; the
   * quantity is wanted in each of them.
   */
  public record Item(String offerId, BigDecimal quantityKwh) {}

  /** Who buys: the buyer's id on this platform, the meter the energy goes to and its DISCOM. */
  public record Buyer(String id, String meterId, String discomId) {}
}
