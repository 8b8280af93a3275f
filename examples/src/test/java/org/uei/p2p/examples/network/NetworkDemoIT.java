package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's main command end to end, on every wire: the whole network as real processes plays
 * the scripted trading day, every check of the day passes, and what it prints shows the outcome a
 * user reads.
 */
class NetworkDemoIT {

  @Test
  void theWave2TradingDayChecksOut() throws Exception {
    String printed = play(NetworkDemo.Wire.WAVE2);
    assertTrue(
        printed.contains("catalog/on_publish ACCEPTED"),
        "the catalog reaches the discovery service: " + printed);
    assertTrue(
        printed.contains("refused: 50000 CON-BUYER-DISCOM"),
        "the contract policy refuses BRPL's consumer: " + printed);
    assertTrue(
        printed.contains("BUYER_CAP") && printed.contains("TEST_DL_TPDDL_0103"),
        "TPDDL refuses the flat above its sanctioned load: " + printed);
    assertTrue(printed.contains("FINAL_ALLOC"), printed);
    assertTrue(
        printed.contains("BUYER_PLATFORM") && printed.contains("−₹21.12"),
        "the RevenueFlow shows the buyer platform paying 3.20 kWh at ₹6.50 and wheeling: "
            + printed);
    assertTrue(printed.contains("audit log verified"), printed);
  }

  @Test
  void theWave1TradingDayChecksOut() throws Exception {
    String printed = play(NetworkDemo.Wire.WAVE1);
    assertTrue(
        printed.contains("refused: 50000"), "the refused purchase shows its rule: " + printed);
    assertTrue(
        printed.contains("may not trade: credential refused (REVOKED"),
        "the revoked seller's offer is refused: " + printed);
    assertTrue(printed.contains("3.20"), "the under-delivered trade settles 3.20 kWh: " + printed);
    assertTrue(
        printed.contains("curtailed kWh") && printed.contains("₹24.80"),
        "the curtailed trade settles 4.00 kWh at ₹6.20: " + printed);
    assertTrue(printed.contains("₹1.68"), "the pilot's transaction charge shows: " + printed);
    assertTrue(
        printed.contains("interstate-pilot-2026-02"), "the profile in force is named: " + printed);
    assertTrue(printed.contains("audit log verified"), printed);
  }

  @Test
  void theUeiV1DayChecksOut() throws Exception {
    String printed = play(NetworkDemo.Wire.UEI_V1);
    assertTrue(
        printed.contains("on_search from " + UeiV1Network.SELLER_PLATFORM),
        "the search reaches the seller platform the registry lists: " + printed);
    assertTrue(
        printed.contains("refused: 40002"), "the select over the offer is refused: " + printed);
    assertTrue(
        printed.contains("refused: 50000 DISCOM_NOT_ALLOWED: buyer DISCOM PVVNL"),
        "the consumer from outside the pilot's DISCOM is refused: " + printed);
    assertTrue(
        printed.contains("ACTIVE  Aliganj girls' school → Hazratganj bakery     5.00  ₹27.50"),
        "status shows the bakery's order ACTIVE at the catalog's price: " + printed);
    assertTrue(
        printed.contains("NACK 40003 at message.order.items[0].price.value")
            && printed.contains("quotes ₹5.50/kWh, ₹11.00 in all"),
        "the seller platform prices what a buyer app wrote from its catalog: " + printed);
    assertTrue(
        printed.contains("COMPLETE, ORDER_COMPLETED, ₹19.72 NOT_PAID  PAID STL-"),
        "the buyer platform holds the settlement's on_status and on_update: " + printed);
    assertTrue(
        printed.contains("3.40 / 3.40") && printed.contains("₹24.75 / ₹24.75"),
        "both statements settle the under-delivery alike: " + printed);
    assertTrue(
        printed.contains(
            "buyer platform's statement   bap.lucknow-buyers.demo  bpp.lucknow-solar.demo  ₹44.47"),
        "both statements net to ₹44.47: " + printed);
    assertTrue(printed.contains("audit log verified"), printed);
  }

  /** Runs {@code ./demo} on {@code wire}; what it printed, once it exited 0. */
  private static String play(NetworkDemo.Wire wire) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Path dir =
        Path.of(
                "target",
                "demo-"
                    + wire.name().toLowerCase(java.util.Locale.ROOT)
                    + "-"
                    + System.currentTimeMillis())
            .toAbsolutePath();
    int exit = NetworkDemo.run(dir, Path.of(System.getProperty("uei.home")), wire, false, out);
    String printed = buffer.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertEquals(0, exit, printed);
    assertTrue(printed.contains("checks passed."), printed);
    return printed;
  }
}
