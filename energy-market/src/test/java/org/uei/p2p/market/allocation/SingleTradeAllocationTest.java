package org.uei.p2p.market.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.SlotEnergy;
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
      Trade t =
          new Trade(
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
}
