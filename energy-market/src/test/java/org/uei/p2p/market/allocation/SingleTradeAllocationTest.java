package org.uei.p2p.market.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.meter.SlotSums;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * A meter with one trade in a slot takes a path without lists; it must give what the general
 * one-direction rule gives: the measured flow capped at the summed quantity, shared by the
 * list-based pro-rata or FIFO split.
 */
class SingleTradeAllocationTest {
  private static final DeliverySlot SLOT =
      DeliverySlot.hourStarting(Instant.parse("2026-02-10T04:30:00Z"));
  private static final String[] KWH = {
    "0", "0.00", "0.5", "1", "1.004", "1.005", "1.006", "2.50", "3.125", "1E+1", "7.999", "12"
  };

  @Test
  void oneTradeIsAllocatedAsTheGeneralRuleAllocatesIt() {
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal q = new BigDecimal(KWH[1 + random.nextInt(KWH.length - 1)]);
      if (q.signum() == 0) {
        continue;
      }
      boolean buyerSide = random.nextBoolean();
      Trade t = trade(q);
      SlotEnergy energy =
          new SlotEnergy(
              buyerSide ? "B" : "S",
              SLOT,
              new BigDecimal(KWH[random.nextInt(KWH.length)]),
              new BigDecimal(KWH[random.nextInt(KWH.length)]),
              60);
      for (AllocationMethod method : AllocationMethod.values()) {
        BigDecimal flow = buyerSide ? energy.netImportKwh() : energy.netImportKwh().negate();
        BigDecimal contracted = BigDecimal.ZERO.add(q);
        BigDecimal delivered = flow.signum() <= 0 ? BigDecimal.ZERO : flow.min(contracted);
        BigDecimal share =
            method == AllocationMethod.FIFO
                ? EnergyShares.fifo(List.of(q), delivered).get(0)
                : EnergyShares.proRata(List.of(q), delivered).get(0);
        List<Allocation> got = new MeterAllocator(method).allocate(energy, List.of(t));
        assertEquals(
            List.of(
                new Allocation(
                    "T",
                    buyerSide ? TradeSide.BUYER : TradeSide.SELLER,
                    energy.meterId(),
                    q,
                    share)),
            got,
            method + " " + energy + " " + q);
      }
    }
  }

  /**
   * The one-trade path from slot sums ({@link MeterSlotGroups} reading them from the store) gives
   * what the path from a {@link SlotEnergy} of the same sums gives, scale included: sums at scales
   * far apart, sums whose alignment to one scale overflows a long, negative sums from a store other
   * than the in-memory one, flows below, at and above the quantity.
   */
  @Test
  void theSumsPathSharesAsTheSlotEnergyPath() {
    Random random = new Random(23);
    long[] unscaled = {0, 1, 5, 999, 1_000, 1_005, 12_345, Long.MAX_VALUE / 7, Long.MAX_VALUE, -3};
    SlotSums sums = new SlotSums();
    int viaLongs = 0;
    for (int i = 0; i < 50_000; i++) {
      BigDecimal q = new BigDecimal(KWH[1 + random.nextInt(KWH.length - 1)]);
      if (q.signum() == 0) {
        q = BigDecimal.valueOf(1 + random.nextInt(5000), random.nextInt(4));
      } else if (random.nextInt(50) == 0) {
        // more digits than are read as a long, and a scale beyond them
        q = new BigDecimal(random.nextBoolean() ? "1234567890123456.78" : "0.0000000000000001");
      }
      TradeSide side = random.nextBoolean() ? TradeSide.BUYER : TradeSide.SELLER;
      Trade t = trade(q);
      long in =
          random.nextInt(3) == 0
              ? unscaled[random.nextInt(unscaled.length)]
              : random.nextInt(20_000);
      long out =
          random.nextInt(3) == 0
              ? unscaled[random.nextInt(unscaled.length)]
              : random.nextInt(20_000);
      int inScale = random.nextInt(4) == 0 ? random.nextInt(22) : 3;
      int outScale = random.nextInt(4) == 0 ? random.nextInt(22) : 3;
      sums.set(in, inScale, out, outScale, 60);
      if (in >= 0 && out >= 0 && Math.abs(inScale - outScale) < 3 && Math.max(in, out) < 1L << 40) {
        viaLongs++;
      }
      SlotEnergy energy =
          new SlotEnergy(
              side == TradeSide.BUYER ? "B" : "S",
              SLOT,
              BigDecimal.valueOf(in, inScale),
              BigDecimal.valueOf(out, outScale),
              60);
      for (AllocationMethod method : AllocationMethod.values()) {
        MeterAllocator allocator = new MeterAllocator(method);
        BigDecimal[] expected = new BigDecimal[1];
        TradeSide[] expectedSide = new TradeSide[1];
        allocator.allocateOne(
            energy,
            t,
            (k, s, kwh) -> {
              expectedSide[0] = s;
              expected[0] = kwh;
            });
        BigDecimal[] got = new BigDecimal[1];
        allocator.allocateOne(
            side,
            sums,
            t,
            (k, s, kwh) -> {
              assertEquals(expectedSide[0], s);
              got[0] = kwh;
            });
        String what = method + " " + side + " " + energy + " " + q;
        assertEquals(expected[0], got[0], what);
        assertEquals(expected[0].scale(), got[0].scale(), what);
      }
    }
    assertTrue(viaLongs > 10_000, "cases on the long path: " + viaLongs);
  }

  private static Trade trade(BigDecimal q) {
    return new Trade(
        "T",
        "bap",
        "bpp",
        new MeterPoint("B", "BRPL"),
        new MeterPoint("S", "PVVNL"),
        SLOT,
        q,
        UnitPrice.inr("6"),
        TradeStatus.CONFIRMED,
        SLOT.start());
  }
}
