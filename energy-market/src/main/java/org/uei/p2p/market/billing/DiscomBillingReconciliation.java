package org.uei.p2p.market.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.market.settlement.Csv;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.SettlementLine;
import org.uei.p2p.model.trade.SettlementLineType;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * A DISCOM's monthly reconciliation of P2P trading against its bills: per consumer account, the
 * settled kWh bought and sold in the month (by slot start in the network's zone), the kWh a DISCOM
 * curtailed out of its trades, and the charges that the settlement lines say are owed to this
 * DISCOM (or by it, for a curtailment), written as CSV for the billing system with every kWh figure
 * to {@link Figures#KWH_SCALE} decimals and every amount to the paisa.
 */
public final class DiscomBillingReconciliation {
  /** Header of the billing CSV. */
  public static final String CSV_HEADER =
      "account_id,meter_id,month,p2p_bought_kwh,p2p_sold_kwh,curtailed_kwh,"
          + "wheeling_inr,inter_state_inr,deviation_inr,curtailment_credit_inr,total_charges_inr,trades";

  private final MeterDirectory meters;
  private final ZoneId zone;

  /** Reconciliation resolving accounts through {@code meters}, reading months in {@code zone}. */
  public DiscomBillingReconciliation(MeterDirectory meters, ZoneId zone) {
    this.meters = meters;
    this.zone = zone;
  }

  /**
   * Lines for {@code discomId}'s accounts in {@code month}, ordered by account. A meter the
   * directory does not know is an error: a bill cannot be adjusted without its account.
   */
  public List<BillingLine> reconcile(
      String discomId, YearMonth month, List<TradeSettlement> settlements) {
    Accumulator acc = accumulator(discomId, month);
    settlements.forEach(acc::add);
    return acc.lines();
  }

  /**
   * The same reconciliation one settlement at a time, for a settlement run that does not keep its
   * settlements: {@link Accumulator#lines()} is what {@link #reconcile} gives for all added.
   */
  public Accumulator accumulator(String discomId, YearMonth month) {
    return new Accumulator(discomId, month);
  }

  /** Running totals per meter of one DISCOM and month; not thread-safe. */
  public final class Accumulator {
    private final String discomId;
    private final YearMonth month;
    private final Map<String, Acc> byMeter = new TreeMap<>();

    private Accumulator(String discomId, YearMonth month) {
      this.discomId = discomId;
      this.month = month;
    }

    /** Adds one settlement; one outside the month or not involving the DISCOM changes nothing. */
    public void add(TradeSettlement s) {
      Trade t = s.trade();
      if (!t.buyer().discomId().equals(discomId) && !t.seller().discomId().equals(discomId)) {
        return;
      }
      if (!YearMonth.from(t.slot().start().atZone(zone)).equals(month)) {
        return;
      }
      for (TradeSide side : TradeSide.values()) {
        if (!t.party(side).discomId().equals(discomId)) {
          continue;
        }
        Acc acc = byMeter.computeIfAbsent(t.party(side).meterId(), Acc::new);
        acc.trades++;
        acc.curtailed = acc.curtailed.add(s.curtailedKwh());
        BigDecimal settled = s.reconciled().settledKwh();
        if (side == TradeSide.BUYER) {
          acc.bought = acc.bought.add(settled);
        } else {
          acc.sold = acc.sold.add(settled);
        }
        Payee party = side == TradeSide.BUYER ? Payee.BUYER : Payee.SELLER;
        Payee discom = side == TradeSide.BUYER ? Payee.BUYER_DISCOM : Payee.SELLER_DISCOM;
        for (SettlementLine l : s.lines()) {
          if (l.payer() == party && l.payee() == discom) {
            acc.add(l.type(), l.amount());
          } else if (l.payer() == discom && l.payee() == party) {
            acc.credit = acc.credit.add(l.amount());
          }
        }
      }
    }

    /** Billing lines of the settlements added so far, ordered by account. */
    public List<BillingLine> lines() {
      List<BillingLine> out = new ArrayList<>(byMeter.size());
      for (Acc a : byMeter.values()) {
        MeterInfo info =
            meters
                .find(a.meterId)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "meter "
                                + a.meterId
                                + " of DISCOM "
                                + discomId
                                + " has no account in the meter directory"));
        out.add(
            new BillingLine(
                info.accountId(),
                a.meterId,
                month,
                a.bought,
                a.sold,
                a.curtailed,
                a.wheeling,
                a.interState,
                a.deviation,
                a.credit,
                a.trades));
      }
      out.sort(
          (x, y) ->
              x.accountId().equals(y.accountId())
                  ? x.meterId().compareTo(y.meterId())
                  : x.accountId().compareTo(y.accountId()));
      return out;
    }
  }

  /** {@code lines} as the billing CSV, header first. */
  public static void writeCsv(List<BillingLine> lines, Appendable out) throws IOException {
    out.append(CSV_HEADER).append('\n');
    for (BillingLine l : lines) {
      out.append(Csv.field(l.accountId()))
          .append(',')
          .append(Csv.field(l.meterId()))
          .append(',')
          .append(l.month().toString())
          .append(',')
          .append(Figures.kwh(l.boughtKwh()))
          .append(',')
          .append(Figures.kwh(l.soldKwh()))
          .append(',')
          .append(Figures.kwh(l.curtailedKwh()))
          .append(',')
          .append(Figures.money(l.wheeling()))
          .append(',')
          .append(Figures.money(l.interState()))
          .append(',')
          .append(Figures.money(l.deviation()))
          .append(',')
          .append(Figures.money(l.curtailmentCredit()))
          .append(',')
          .append(Figures.money(l.totalCharges()))
          .append(',')
          .append(Long.toString(l.trades()))
          .append('\n');
    }
  }

  private static final class Acc {
    final String meterId;
    BigDecimal bought = BigDecimal.ZERO;
    BigDecimal sold = BigDecimal.ZERO;
    BigDecimal curtailed = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO.setScale(2);
    BigDecimal wheeling = BigDecimal.ZERO.setScale(2);
    BigDecimal interState = BigDecimal.ZERO.setScale(2);
    BigDecimal deviation = BigDecimal.ZERO.setScale(2);
    long trades;

    Acc(String meterId) {
      this.meterId = meterId;
    }

    void add(SettlementLineType type, BigDecimal amount) {
      switch (type) {
        case WHEELING -> wheeling = wheeling.add(amount);
        case INTER_STATE -> interState = interState.add(amount);
        case DEVIATION -> deviation = deviation.add(amount);
        default -> throw new IllegalStateException(type + " lines are not owed to a DISCOM");
      }
    }
  }
}
