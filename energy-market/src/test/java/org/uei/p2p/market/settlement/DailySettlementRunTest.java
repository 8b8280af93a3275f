package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.AllocationMethod;
import org.uei.p2p.market.allocation.DiscomAllocationRun;
import org.uei.p2p.market.allocation.TradeReconciliation;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.InMemoryMeterReadingStore;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * The day-by-day run against the list-based path on random small markets: MDMS days of 15-, 30- and
 * 60-minute blocks with gaps and bad rows, meters that buy and sell in one slot, self and cancelled
 * trades, a DISCOM outside the run, several platforms. Each day's file and trades go through {@link
 * DailySettlementRun}; the whole period goes through one store, a {@link DiscomAllocationRun} per
 * DISCOM, {@link TradeReconciliation}, every settlement kept and {@link PlatformNetting#net}.
 * Settlements, netting and what is left unreconciled must be equal, to the paisa and the scale.
 */
class DailySettlementRunTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
  private static final String[] DISCOMS = {"BRPL", "PVVNL", "TPDDL"};
  private static final String[] QUANTITIES = {"1", "2.50", "0.75", "3.125", "4.2"};
  private static final String[] ENERGY = {"0", "0.00", "0.4", "0.75", "1.125", "2.5", "3"};
  private static final int[] BLOCKS = {15, 30, 60};
  private static final SettlementPolicy POLICY =
      SettlementPolicy.pilot()
          .withTariffs(Map.of("BRPL", new BigDecimal("7.00"), "PVVNL", new BigDecimal("5.75")))
          .withNetworkCharges(
              Map.of(SettlementPolicy.pairKey("PVVNL", "BRPL"), new BigDecimal("0.35")),
              Map.of(SettlementPolicy.pairKey("UP", "DL"), new BigDecimal("0.12")));

  /** A period: one CSV and the trades per day, and the meters. */
  private record Market(
      List<String> csvByDay, List<List<Trade>> tradesByDay, InMemoryMeterDirectory directory) {}

  private static Market market(Random random, int days) {
    InMemoryMeterDirectory directory = new InMemoryMeterDirectory();
    int meterCount = 3 + random.nextInt(6);
    MeterPoint[] meters = new MeterPoint[meterCount];
    for (int m = 0; m < meterCount; m++) {
      String discom = DISCOMS[random.nextInt(DISCOMS.length)];
      meters[m] = new MeterPoint("M-" + m, discom);
      directory.put(
          new MeterInfo(
              "M-" + m,
              discom,
              "ACC-" + m,
              discom.equals("PVVNL") ? "UP" : "DL",
              BigDecimal.ONE,
              BigDecimal.ONE));
    }
    List<String> csv = new ArrayList<>();
    List<List<Trade>> trades = new ArrayList<>();
    int tradeNo = 0;
    for (int d = 0; d < days; d++) {
      Instant dayStart = FIRST.plusDays(d).atStartOfDay(IST).toInstant();
      int[] minutes = new int[meterCount];
      for (int m = 0; m < meterCount; m++) {
        minutes[m] = BLOCKS[random.nextInt(BLOCKS.length)];
      }
      StringBuilder file = new StringBuilder(MeterDataImporter.CSV_HEADER).append('\n');
      // time order, every meter per 15 minutes, as an MDMS file lists them
      for (int q = 0; q < 96; q++) {
        for (int m = 0; m < meterCount; m++) {
          if ((q * 15) % minutes[m] != 0 || random.nextInt(12) == 0) {
            continue;
          }
          String stamp = dayStart.plusSeconds(900L * q).atZone(IST).toOffsetDateTime().toString();
          file.append(random.nextInt(200) == 0 ? "M-?" : "M-" + m)
              .append(',')
              .append(stamp)
              .append(',')
              .append(minutes[m])
              .append(',')
              .append(ENERGY[random.nextInt(ENERGY.length)])
              .append(',')
              .append(random.nextInt(150) == 0 ? "-1" : ENERGY[random.nextInt(ENERGY.length)])
              .append('\n');
        }
      }
      csv.add(file.toString());
      List<Trade> day = new ArrayList<>();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        MeterPoint buyer = meters[random.nextInt(meterCount)];
        MeterPoint seller = random.nextInt(15) == 0 ? buyer : meters[random.nextInt(meterCount)];
        TradeStatus status =
            random.nextInt(12) == 0 ? TradeStatus.CANCELLED : TradeStatus.CONFIRMED;
        Instant start = dayStart.plusSeconds(3600L * random.nextInt(24));
        day.add(
            new Trade(
                "T-" + tradeNo++,
                "bap-" + random.nextInt(2),
                "bpp-" + random.nextInt(2),
                buyer,
                seller,
                DeliverySlot.hourStarting(start),
                new BigDecimal(QUANTITIES[random.nextInt(QUANTITIES.length)]),
                UnitPrice.inr(random.nextBoolean() ? "6.25" : "5.5"),
                status,
                start.minusSeconds(60L * random.nextInt(5))));
      }
      trades.add(day);
    }
    return new Market(csv, trades, directory);
  }

  @Test
  void dayByDayMatchesTheWholePeriodThroughTheListBasedPath() throws IOException {
    Random random = new Random(23);
    long settledTrades = 0;
    long left = 0;
    long rejected = 0;
    for (int round = 0; round < 150; round++) {
      int days = 1 + random.nextInt(4);
      Market market = market(random, days);
      AllocationMethod method =
          random.nextBoolean() ? AllocationMethod.PRO_RATA : AllocationMethod.FIFO;
      List<String> discoms =
          random.nextInt(4) == 0 ? List.of("PVVNL", "BRPL") : List.of("BRPL", "PVVNL", "TPDDL");
      Instant from = FIRST.atStartOfDay(IST).toInstant();
      Instant to = from.plusSeconds(86_400L * days);
      Instant finalAllocation = to.plusSeconds(86_400);

      // the whole period through the list-based API
      InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
      MeterDataImporter importer = new MeterDataImporter(market.directory(), store, IST);
      List<ImportReport> reports = new ArrayList<>();
      for (String csv : market.csvByDay()) {
        reports.add(importer.importCsv(new StringReader(csv)));
      }
      List<Trade> all = market.tradesByDay().stream().flatMap(List::stream).toList();
      TradeReconciliation reconciliation = new TradeReconciliation();
      all.forEach(reconciliation::expect);
      DiscomAllocationRun allocation = new DiscomAllocationRun(new SlotAggregator(store), method);
      for (String discom : discoms) {
        reconciliation.recordAll(allocation.allocate(discom, all));
      }
      SettlementCalculator calculator = new SettlementCalculator(POLICY);
      List<TradeSettlement> kept =
          reconciliation.reconciledTrades().stream().map(calculator::settle).toList();
      List<PlatformNetAmount> expected =
          new PlatformNetting(POLICY).net(kept, from, to, finalAllocation);

      // the same days one at a time
      Supplier<DailySettlementRun> newRun =
          () ->
              new DailySettlementRun(
                  market.directory(),
                  IST,
                  method,
                  discoms,
                  POLICY,
                  new PlatformNetting(POLICY).accumulator(from, to, finalAllocation));
      DailySettlementRun run = newRun.get();
      // and once more keeping nothing, where only the energy amounts are computed for the netting
      DailySettlementRun nettingOnly = newRun.get();
      List<TradeSettlement> streamed = new ArrayList<>();
      List<String> unreconciled = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        byte[] csv = market.csvByDay().get(d).getBytes(StandardCharsets.UTF_8);
        DailySettlementRun.DayResult day =
            run.settleDay(
                new ByteArrayInputStream(csv), market.tradesByDay().get(d), streamed::add);
        assertEquals(
            day,
            nettingOnly.settleDay(new ByteArrayInputStream(csv), market.tradesByDay().get(d)),
            "round " + round + " day " + d);
        assertEquals(reports.get(d), day.imported(), "round " + round + " day " + d);
        assertEquals(market.tradesByDay().get(d).size(), day.settled() + day.unreconciled().size());
        day.unreconciled().forEach(t -> unreconciled.add(t.tradeId()));
        rejected += day.imported().rejections().size();
      }

      assertEquals(byId(kept), byId(streamed), "round " + round);
      assertEquals(expected, run.netting(), "round " + round);
      assertEquals(expected, nettingOnly.netting(), "round " + round);
      assertEquals(
          reconciliation.awaiting().keySet(),
          unreconciled.stream().collect(Collectors.toSet()),
          "round " + round);
      settledTrades += streamed.size();
      left += unreconciled.size();
    }
    assertTrue(
        settledTrades > 3_000 && left > 300 && rejected > 50,
        settledTrades + " settled, " + left + " left, " + rejected + " rows rejected");
  }

  private static Map<String, TradeSettlement> byId(List<TradeSettlement> settlements) {
    Map<String, TradeSettlement> out = new HashMap<>();
    settlements.forEach(s -> out.put(s.trade().tradeId(), s));
    assertEquals(settlements.size(), out.size(), "a trade settled twice");
    return out;
  }
}
