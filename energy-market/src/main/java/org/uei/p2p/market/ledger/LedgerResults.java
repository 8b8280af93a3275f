package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.uei.p2p.model.trade.TradeSide;

/** What the ledger's writes return. */
public final class LedgerResults {
  private LedgerResults() {}

  /** What a put or record did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED;

    /** The response's {@code message}. */
    public String message() {
      return switch (this) {
        case CREATED -> "Created";
        case UPDATED -> "Updated";
        case UNCHANGED -> "Accepted, no change";
      };
    }
  }

  /**
   * A put or record applied.
   *
   * @param record the record after the write
   * @param outcome whether it was created, changed or already so
   */
  public record Write(LedgerRecord record, Outcome outcome) {}

  /**
   * One record's share of a meter actual.
   *
   * @param record the record after the allocation was written
   * @param side which side of the trade the meter is
   * @param tradeQty contracted energy
   * @param allocatedQty share of the actual, between 0 and {@code tradeQty}
   * @param metricType ACTUAL_PULLED (buyer side) or ACTUAL_PUSHED (seller side)
   */
  public record Line(
      LedgerRecord record,
      TradeSide side,
      BigDecimal tradeQty,
      BigDecimal allocatedQty,
      MetricType metricType) {}

  /**
   * An allocation applied.
   *
   * @param allocations one line per allocated record side
   */
  public record Allocation(List<Line> allocations) {

    /** Number of record sides allocated. */
    public int totalMatched() {
      return allocations.size();
    }

    /** Sum of the shares. */
    public BigDecimal totalAllocated() {
      return allocations.stream().map(Line::allocatedQty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }
}
