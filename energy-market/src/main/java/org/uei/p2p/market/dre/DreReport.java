package org.uei.p2p.market.dre;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.uei.p2p.market.settlement.Csv;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Trade;

/**
 * The Distributed Renewable Energy compliance report of a month: settled P2P kWh from rooftop solar
 * plants below {@link #DRE_CAPACITY_LIMIT_KW}, per DISCOM and state, with the meters and trades
 * behind each figure. P2P-traded rooftop energy counts toward the obligation of the DISCOM whose
 * consumer drew it, so each trade's settled kWh are credited to the buyer's DISCOM; the seller's
 * meter, DISCOM and state are listed with it. Months are read in IST by slot start.
 */
public final class DreReport {
  /** Rooftop plants below this capacity count toward the DRE obligation (10 MW). */
  public static final BigDecimal DRE_CAPACITY_LIMIT_KW = new BigDecimal("10000");

  /** Header of the CSV form: one row per trade behind a figure. */
  public static final String CSV_HEADER =
      "month,discom,state,trade_id,slot_start,seller_meter,seller_discom,"
          + "seller_state,buyer_meter,settled_kwh";

  /** What the report needs to know of a seller's meter. */
  public interface Plants {
    /**
     * The installed capacity of {@code meterId} if it is a rooftop solar plant; empty otherwise.
     */
    Optional<BigDecimal> rooftopSolarCapacityKw(String meterId);
  }

  /** One trade behind a figure. */
  public record Entry(
      String tradeId,
      Instant slotStart,
      String sellerMeterId,
      String sellerDiscomId,
      String sellerState,
      String buyerMeterId,
      BigDecimal settledKwh) {}

  /**
   * One figure: settled rooftop-solar kWh credited to {@code discomId} in {@code month}.
   *
   * @param rooftopMeters the selling plants' meters
   * @param buyerMeters the consumers' meters that drew it
   * @param entries the trades, by slot
   */
  public record Figure(
      YearMonth month,
      String discomId,
      String stateCode,
      BigDecimal settledKwh,
      SortedSet<String> rooftopMeters,
      SortedSet<String> buyerMeters,
      List<Entry> entries) {}

  /** The month's figures, ordered by state and DISCOM. */
  public record Report(YearMonth month, List<Figure> figures) {
    /** Settled rooftop-solar kWh of every figure. */
    public BigDecimal totalKwh() {
      return figures.stream().map(Figure::settledKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private final Plants plants;
  private final Function<String, String> stateOfDiscom;

  /**
   * A report reading plants from {@code plants} and DISCOMs' states from {@code stateOfDiscom}
   * (null: unknown).
   */
  public DreReport(Plants plants, Function<String, String> stateOfDiscom) {
    this.plants = plants;
    this.stateOfDiscom = stateOfDiscom;
  }

  /**
   * The report of {@code month} over {@code settlements} (others' months and plants are left out).
   */
  public Report of(YearMonth month, List<TradeSettlement> settlements) {
    Map<String, List<Entry>> byDiscom = new TreeMap<>();
    for (TradeSettlement s : settlements) {
      Trade t = s.trade();
      BigDecimal kwh = s.reconciled().settledKwh();
      if (!YearMonth.from(t.slot().start().atZone(Figures.IST)).equals(month)
          || kwh.signum() <= 0) {
        continue;
      }
      Optional<BigDecimal> capacity = plants.rooftopSolarCapacityKw(t.seller().meterId());
      if (capacity.isEmpty() || capacity.get().compareTo(DRE_CAPACITY_LIMIT_KW) >= 0) {
        continue;
      }
      byDiscom
          .computeIfAbsent(t.buyer().discomId(), k -> new ArrayList<>())
          .add(
              new Entry(
                  t.tradeId(),
                  t.slot().start(),
                  t.seller().meterId(),
                  t.seller().discomId(),
                  state(t.seller().discomId()),
                  t.buyer().meterId(),
                  kwh));
    }
    List<Figure> figures = new ArrayList<>();
    byDiscom.forEach(
        (discom, entries) -> {
          entries.sort(Comparator.comparing(Entry::slotStart).thenComparing(Entry::tradeId));
          SortedSet<String> rooftops = new TreeSet<>();
          SortedSet<String> buyers = new TreeSet<>();
          BigDecimal sum = BigDecimal.ZERO;
          for (Entry e : entries) {
            rooftops.add(e.sellerMeterId());
            buyers.add(e.buyerMeterId());
            sum = sum.add(e.settledKwh());
          }
          figures.add(
              new Figure(
                  month, discom, state(discom), sum, rooftops, buyers, List.copyOf(entries)));
        });
    figures.sort(Comparator.comparing(Figure::stateCode).thenComparing(Figure::discomId));
    return new Report(month, figures);
  }

  private String state(String discomId) {
    String s = stateOfDiscom.apply(discomId);
    return s == null ? "?" : s;
  }

  /** The report as CSV, header first: one row per trade, so every figure can be summed back. */
  public static void writeCsv(Report r, Appendable out) throws IOException {
    out.append(CSV_HEADER).append('\n');
    for (Figure f : r.figures()) {
      for (Entry e : f.entries()) {
        out.append(r.month().toString())
            .append(',')
            .append(Csv.field(f.discomId()))
            .append(',')
            .append(Csv.field(f.stateCode()))
            .append(',')
            .append(Csv.field(e.tradeId()))
            .append(',')
            .append(e.slotStart().toString())
            .append(',')
            .append(Csv.field(e.sellerMeterId()))
            .append(',')
            .append(Csv.field(e.sellerDiscomId()))
            .append(',')
            .append(Csv.field(e.sellerState()))
            .append(',')
            .append(Csv.field(e.buyerMeterId()))
            .append(',')
            .append(Figures.kwh(e.settledKwh()))
            .append('\n');
      }
    }
  }

  /** The report for people: one line per DISCOM with its meters, then the total. */
  public static String summary(Report r) {
    StringBuilder out = new StringBuilder();
    out.append("DRE report ")
        .append(r.month())
        .append(": settled P2P kWh from rooftop solar below 10 MW, ")
        .append("credited to the consuming DISCOM\n");
    out.append(
        String.format(
            "%-6s %-8s %12s %7s  %s%n",
            "state", "DISCOM", "settled kWh", "trades", "rooftop meters"));
    long trades = 0;
    for (Figure f : r.figures()) {
      out.append(
          String.format(
              "%-6s %-8s %12s %7d  %s%n",
              f.stateCode(),
              f.discomId(),
              Figures.kwh(f.settledKwh()),
              f.entries().size(),
              String.join(", ", f.rooftopMeters())));
      trades += f.entries().size();
    }
    out.append(String.format("%-15s %12s %7d%n", "total", Figures.kwh(r.totalKwh()), trades));
    return out.toString();
  }
}
