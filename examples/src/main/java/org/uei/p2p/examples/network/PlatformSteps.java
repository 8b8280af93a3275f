package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/**
 * The steps every wire's day takes the same way, each one call (or a few) to a platform's own API:
 * offers and prosumers on the seller platform, select → init → confirm on the buyer platform, the
 * MDMS file of a day, settlement runs, reading statements, and verifying audit logs.
 */
final class PlatformSteps {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private PlatformSteps() {}

  /** The prosumer's offer for the slot at {@code slotStart}, made on the seller platform's API. */
  static String offer(Console console, String bpp, DemoCast.Prosumer p, Instant slotStart)
      throws IOException, InterruptedException {
    JsonNode o =
        Json.post(
                bpp + "/provider/offers",
                Map.of(
                    "prosumerId",
                    p.id(),
                    "slotStart",
                    slotStart.toString(),
                    "pricePerKwh",
                    p.pricePerKwh(),
                    "maxKwh",
                    p.offeredKwh()))
            .expect(201);
    console.step(
        "%-24s offers %s kWh for %02d:00–%02d:00 IST at ₹%s/kWh (%s)",
        p.name(),
        TradingDay.kwh(p.offeredKwh()),
        p.slotHour(),
        p.slotHour() + 1,
        p.pricePerKwh(),
        o.get("id").asText());
    return o.get("id").asText();
  }

  /** What select → init → confirm came to: the first refusal, or the confirm's answer. */
  record Ordered(String refusal, JsonNode confirm) {}

  /**
   * Select, init and confirm of {@code order} (transaction, seller platform, buyer, items) on the
   * buyer platform's client API in sync mode, each step only when the one before passed.
   */
  static Ordered selectInitConfirm(String bap, Map<String, Object> order)
      throws IOException, InterruptedException {
    Object txn = order.get("transactionId");
    String refusal = error(Json.post(bap + "/client/select", order).expect(200));
    if (refusal == null) {
      refusal = error(Json.post(bap + "/client/init", Map.of("transactionId", txn)).expect(200));
    }
    if (refusal != null) {
      return new Ordered(refusal, null);
    }
    JsonNode confirm = Json.post(bap + "/client/confirm", Map.of("transactionId", txn)).expect(200);
    return new Ordered(error(confirm), confirm);
  }

  /** A prosumer of {@code discom} in {@code state} registered on the seller platform. */
  static void registerProsumer(String bpp, DemoCast.Prosumer p, String discom, String state)
      throws IOException, InterruptedException {
    Json.post(
            bpp + "/provider/prosumers",
            Map.of(
                "id",
                p.id(),
                "name",
                p.name(),
                "meterId",
                p.meterId(),
                "discomId",
                discom,
                "stateCode",
                state,
                "installedCapacityKw",
                p.capacityKw()))
        .expect(201);
  }

  /** The first error of a sync client answer: a NACK of the request or an error in its callback. */
  static String error(JsonNode answer) {
    for (JsonNode r : answer.path("requests")) {
      if (r.hasNonNull("error")) {
        return r.at("/error/code").asText() + " " + r.at("/error/message").asText();
      }
    }
    for (JsonNode c : answer.path("callbacks")) {
      if (c.hasNonNull("error")) {
        return c.at("/error/code").asText() + " " + c.at("/error/message").asText();
      }
    }
    if (answer.path("callbacks").isEmpty()) {
      return "no answer from the seller platform";
    }
    return null;
  }

  /**
   * The MDMS file of {@code day} landing in {@code node}'s drop directory, as a DISCOM's MDMS
   * delivers it: one row per meter and block, moved in whole.
   */
  static void dropMdms(
      Console console, DemoNetwork.Node node, LocalDate day, List<DemoCast.Reading> readings)
      throws IOException {
    StringBuilder csv =
        new StringBuilder("meter_id,block_start,block_minutes,import_kwh,export_kwh\n");
    for (DemoCast.Reading r : readings) {
      csv.append(r.meterId())
          .append(',')
          .append(day.atTime(r.hour(), r.minute()).atZone(TradingDay.IST).toOffsetDateTime())
          .append(',')
          .append(r.blockMinutes())
          .append(',')
          .append(r.importKwh())
          .append(',')
          .append(r.exportKwh())
          .append('\n');
    }
    Path drop = node.mdmsDrop();
    Files.createDirectories(drop);
    Path tmp = drop.resolveSibling("mdms-" + day + ".csv.part");
    Files.writeString(tmp, csv);
    // Moved in whole, as an SFTP drop finishes a file, so the poller never reads half of it.
    Files.move(tmp, drop.resolve("mdms-" + day + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    console.step(
        "%s: %d rows in %s", node.id(), readings.size(), drop.resolve("mdms-" + day + ".csv"));
  }

  /** What settlement runs of a day came to: the orders settled and the trades allocated. */
  record Settled(Set<String> settled, Set<String> allocated) {}

  /**
   * Runs the settlement of {@code day} on the seller platform at {@code bpp} until every order of
   * {@code orderIds} is settled (the meter data arrives meanwhile), or a deadline passes.
   */
  static Settled settle(String bpp, LocalDate day, List<String> orderIds) throws Exception {
    Set<String> settled = new LinkedHashSet<>();
    Set<String> allocated = new LinkedHashSet<>();
    Await.until(
        () -> {
          JsonNode run =
              Json.post(bpp + "/provider/settlement/run?day=" + day, Map.of()).expect(200);
          run.get("settledOrders").forEach(o -> settled.add(o.asText()));
          run.get("allocated").forEach(o -> allocated.add(o.asText()));
          return settled.containsAll(orderIds) ? Boolean.TRUE : null;
        },
        WAIT);
    return new Settled(settled, allocated);
  }

  /** The amounts of {@code trade}'s lines of {@code type} (paid by {@code payer}, or anyone). */
  static BigDecimal sum(JsonNode trade, String type, String payer) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : trade.path("lines")) {
      if (l.path("type").asText().equals(type)
          && (payer == null || l.path("payer").asText().equals(payer))) {
        sum = sum.add(l.get("amount").decimalValue());
      }
    }
    return sum;
  }

  static JsonNode tradeOf(JsonNode statement, String orderId) {
    for (JsonNode t : statement.get("trades")) {
      if (t.get("tradeId").asText().startsWith(orderId)) {
        return t;
      }
    }
    return null;
  }

  /** Every node's signed audit log verified against its registry key with {@code uei audit}. */
  static void verifyAuditLogs(Console console, String registryUrl, List<DemoNetwork.Node> nodes) {
    for (DemoNetwork.Node n : nodes) {
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new UeiCli());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      int exit =
          cli.execute(
              "audit",
              "verify",
              "--node",
              n.url(),
              "--registry",
              registryUrl,
              "--subscriber-id",
              n.id());
      console.step("%-24s %s", n.id(), out.toString().strip().replace('\n', ' '));
      console.check(exit == 0, "the audit log of " + n.id() + " verifies");
    }
  }
}
