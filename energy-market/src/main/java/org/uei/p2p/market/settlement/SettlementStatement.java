package org.uei.p2p.market.settlement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform's settlement statement for a period: the money lines of every trade it took part in
 * and its net position with each counterparty platform.
 *
 * @param platformId platform the statement is for
 * @param periodStart first slot start included
 * @param periodEnd slot starts before this are included
 * @param generatedAt when the statement was produced
 * @param trades settlements of the platform's trades in the period
 * @param nets net amounts between this platform and each counterparty
 */
public record SettlementStatement(
    String platformId,
    Instant periodStart,
    Instant periodEnd,
    Instant generatedAt,
    List<TradeSettlement> trades,
    List<PlatformNetAmount> nets) {

  /** Copies the lists. */
  public SettlementStatement {
    trades = List.copyOf(trades);
    nets = List.copyOf(nets);
  }

  /**
   * The statement of {@code platformId} over {@code settlements}, netting with {@code netting}
   * against {@code finalAllocationAt}.
   */
  public static SettlementStatement of(
      String platformId,
      List<TradeSettlement> settlements,
      Instant periodStart,
      Instant periodEnd,
      Instant finalAllocationAt,
      PlatformNetting netting,
      Instant generatedAt) {
    List<TradeSettlement> own = new ArrayList<>();
    for (TradeSettlement s : settlements) {
      boolean involved =
          s.trade().buyerPlatformId().equals(platformId)
              || s.trade().sellerPlatformId().equals(platformId);
      boolean inPeriod =
          !s.trade().slot().start().isBefore(periodStart)
              && s.trade().slot().start().isBefore(periodEnd);
      if (involved && inPeriod) {
        own.add(s);
      }
    }
    List<PlatformNetAmount> nets = new ArrayList<>();
    for (PlatformNetAmount n : netting.net(own, periodStart, periodEnd, finalAllocationAt)) {
      if (n.payerPlatformId().equals(platformId) || n.payeePlatformId().equals(platformId)) {
        nets.add(n);
      }
    }
    return new SettlementStatement(platformId, periodStart, periodEnd, generatedAt, own, nets);
  }
}
