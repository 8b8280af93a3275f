package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * Netting over more platform routes than the accumulator remembers, in random order, against the
 * gross amounts summed pair by pair here: every pair, direction and count must come out as summed.
 */
class PlatformNettingRoutesTest {
  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant TO = FROM.plusSeconds(86_400L * 30);
  private static final SettlementPolicy POLICY = SettlementPolicy.pilot();

  @Test
  void manyRoutesInAnyOrderNetAsSummedPairByPair() {
    Random random = new Random(7);
    SettlementCalculator calculator = new SettlementCalculator(POLICY);
    for (int round = 0; round < 20; round++) {
      int platforms = 2 + random.nextInt(9);
      List<TradeSettlement> settlements = new ArrayList<>();
      // first platform, second platform -> {first owes, second owes, trades}
      Map<String, Object[]> sums = new TreeMap<>();
      for (int i = 0; i < 400; i++) {
        String bap = "p-" + random.nextInt(platforms);
        String bpp = "p-" + random.nextInt(platforms);
        Instant start = FROM.plusSeconds(3600L * (random.nextInt(30 * 24 + 48) - 24));
        Trade t =
            new Trade(
                "T-" + i,
                new String(bap),
                new String(bpp),
                new MeterPoint("CA-1", "BRPL"),
                new MeterPoint("DER-9", "PVVNL"),
                DeliverySlot.hourStarting(start),
                new BigDecimal("2.50"),
                UnitPrice.inr(random.nextBoolean() ? "6.25" : "5.55"),
                TradeStatus.CONFIRMED,
                start);
        BigDecimal kwh = new BigDecimal(random.nextInt(251)).movePointLeft(2);
        TradeSettlement s = calculator.settle(new ReconciledTrade(t, kwh, kwh));
        settlements.add(s);
        if (bap.equals(bpp) || start.isBefore(FROM) || !start.isBefore(TO)) {
          continue;
        }
        boolean bapFirst = bap.compareTo(bpp) < 0;
        Object[] sum =
            sums.computeIfAbsent(
                bapFirst ? bap + "\0" + bpp : bpp + "\0" + bap,
                k -> new Object[] {BigDecimal.ZERO, BigDecimal.ZERO, 0L});
        int side = bapFirst ? 0 : 1;
        sum[side] = ((BigDecimal) sum[side]).add(s.lines().get(0).amount());
        sum[2] = (Long) sum[2] + 1;
      }
      List<PlatformNetAmount> netted = new PlatformNetting(POLICY).net(settlements, FROM, TO, TO);
      assertEquals(sums.size(), netted.size(), "round " + round);
      int k = 0;
      for (Map.Entry<String, Object[]> e : sums.entrySet()) {
        String[] pair = e.getKey().split("\0");
        BigDecimal firstOwes = (BigDecimal) e.getValue()[0];
        BigDecimal secondOwes = (BigDecimal) e.getValue()[1];
        boolean firstPays = firstOwes.compareTo(secondOwes) >= 0;
        PlatformNetAmount n = netted.get(k++);
        assertEquals(firstPays ? pair[0] : pair[1], n.payerPlatformId(), "round " + round);
        assertEquals(firstPays ? pair[1] : pair[0], n.payeePlatformId(), "round " + round);
        assertEquals(firstOwes.subtract(secondOwes).abs(), n.amount(), "round " + round);
        assertEquals(firstPays ? firstOwes : secondOwes, n.grossToPayee(), "round " + round);
        assertEquals(firstPays ? secondOwes : firstOwes, n.grossToPayer(), "round " + round);
        assertEquals((long) (Long) e.getValue()[2], n.trades(), "round " + round);
      }
    }
  }
}
