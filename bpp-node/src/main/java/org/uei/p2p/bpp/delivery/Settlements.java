package org.uei.p2p.bpp.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.uei.p2p.bpp.catalog.Prosumer;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.wave2.ContractPolicyStage;
import org.uei.p2p.market.allocation.ReconciledTrade;
import org.uei.p2p.market.billing.BillingLine;
import org.uei.p2p.market.billing.DiscomBillingReconciliation;
import org.uei.p2p.market.dre.DreReport;
import org.uei.p2p.market.policy.ContractSettlement;
import org.uei.p2p.market.policy.config.Charges;
import org.uei.p2p.market.settlement.Curtailment;
import org.uei.p2p.market.settlement.PlatformNetting;
import org.uei.p2p.market.settlement.SettlementCalculator;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.market.settlement.SettlementStatement;
import org.uei.p2p.market.settlement.TradeSettlement;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * Money from stored allocations: each trade is settled again from its allocation under the
 * configured policy whenever a statement or bill is asked for, so the figures always follow the
 * policy and allocation in force and nothing computed is stored twice. Wave-1 trades and the trades
 * of settled IES wave-2 contracts go through the same statement, billing and DRE code; a wave-2
 * contract's lines carry the money of the revenue flows it settled with.
 */
@ApplicationScoped
public class Settlements {

  @Inject AgroalDataSource dataSource;
  @Inject DeliveryConfig config;
  @Inject OrderTrades orderTrades;
  @Inject NodeIdentity identity;
  @Inject SettlementSettings settings;
  @Inject ContractPolicyStage contractPolicy;

  private static final Comparator<TradeSettlement> BY_SLOT_AND_TRADE =
      Comparator.comparing((TradeSettlement s) -> s.trade().slot().start())
          .thenComparing(s -> s.trade().tradeId());

  /** The settlement policy of the node's profile, with its overrides. */
  public SettlementPolicy policy() {
    return settings.profile().policy();
  }

  /** The settlement profile in force. */
  public org.uei.p2p.market.settlement.profile.SettlementProfile profile() {
    return settings.profile();
  }

  SettlementCalculator calculator() {
    return new SettlementCalculator(policy());
  }

  /**
   * Settlements of the trades allocated with slots in {@code [from, to)}, optionally of one buyer
   * platform, ordered by slot and trade: wave-1 trades from the node's own allocation, each under
   * the profile; the trades of settled IES wave-2 contracts from the DISCOMs' allocations, each
   * contract cut from the revenue flows it settled with ({@link ContractSettlement}). Should the
   * node's own run have allocated a wave-2 contract from meter data too, the DISCOMs' allocation is
   * the one the contract settled with, so it stands.
   */
  @Transactional
  public List<TradeSettlement> settlements(
      Instant from, Instant to, Optional<String> counterparty) {
    SettlementCalculator calc = calculator();
    List<TradeSettlement> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      AllocationLedger ledger = new AllocationLedger(c);
      Map<String, List<AllocationLedger.Row>> contracts = new LinkedHashMap<>();
      for (AllocationLedger.Row r : ledger.wave2Settled(from, to)) {
        contracts.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
      }
      Map<String, Curtailment> curtailed = TradeCurtailments.inPeriod(c, from, to);
      for (AllocationLedger.Row r : ledger.inPeriod(from, to)) {
        if (contracts.containsKey(r.orderId())) {
          continue;
        }
        SellerOrder o = SellerOrder.findById(r.orderId());
        if (counterparty.isPresent() && !counterparty.get().equals(o.bapId)) {
          continue;
        }
        Trade t = orderTrades.trade(o, o.lines.get(r.lineNo() - 1));
        out.add(
            calc.settle(
                new ReconciledTrade(t, r.buyerKwh(), r.sellerKwh()), curtailed.get(t.tradeId())));
      }
      for (List<AllocationLedger.Row> rows : contracts.values()) {
        SellerOrder o = SellerOrder.findById(rows.get(0).orderId());
        if (counterparty.isPresent() && !counterparty.get().equals(o.bapId)) {
          continue;
        }
        List<ReconciledTrade> trades = new ArrayList<>();
        for (AllocationLedger.Row r : rows) {
          Trade t = orderTrades.trade(o, o.lines.get(r.lineNo() - 1));
          trades.add(new ReconciledTrade(t, r.buyerKwh(), r.sellerKwh()));
        }
        for (TradeSettlement ts : ContractSettlement.settle(trades, charges(), calc).trades()) {
          Instant slot = ts.trade().slot().start();
          if (!slot.isBefore(from) && slot.isBefore(to)) {
            out.add(ts);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading allocations failed: " + e.getMessage(), e);
    }
    out.sort(BY_SLOT_AND_TRADE);
    return out;
  }

  /** The network charges of the wave-2 contract policy, which a contract's flows carry. */
  private Charges charges() {
    return contractPolicy.charges();
  }

  /** This platform's statement for {@code [from, to)}, netted per counterparty. */
  public SettlementStatement statement(Instant from, Instant to, Optional<String> counterparty) {
    List<TradeSettlement> s = settlements(from, to, counterparty);
    Instant finalAllocation = latestAllocation(from, to).orElse(to);
    return SettlementStatement.of(
        identity.subscriberId(),
        s,
        from,
        to,
        finalAllocation,
        new PlatformNetting(policy()),
        Instant.now());
  }

  /** The monthly DISCOM billing CSV: every DISCOM of the month's trades, or only {@code discom}. */
  @Transactional
  public String billingCsv(YearMonth month, Optional<String> discom) throws IOException {
    StringWriter out = new StringWriter();
    DiscomBillingReconciliation.writeCsv(billing(month, discom), out);
    return out.toString();
  }

  /** The billing lines of the month, DISCOM by DISCOM. */
  @Transactional
  public List<BillingLine> billing(YearMonth month, Optional<String> discom) {
    ZoneId zone = ZoneId.of(config.zone());
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<TradeSettlement> s = settlements(from, to, Optional.empty());
    TreeSet<String> discoms = new TreeSet<>();
    if (discom.isPresent()) {
      discoms.add(discom.get());
    } else {
      s.forEach(
          x -> {
            discoms.add(x.trade().buyer().discomId());
            discoms.add(x.trade().seller().discomId());
          });
    }
    List<BillingLine> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DiscomBillingReconciliation rec =
          new DiscomBillingReconciliation(new NodeMeterDirectory(c, null), zone);
      for (String d : discoms) {
        lines.addAll(rec.reconcile(d, month, s));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading meters failed: " + e.getMessage(), e);
    }
    return lines;
  }

  /**
   * The DRE report of {@code month}: settled kWh sold by this platform's rooftop solar prosumers
   * (source type SOLAR, below 10 MW), per consuming DISCOM and state.
   */
  @Transactional
  public DreReport.Report dre(YearMonth month) {
    ZoneId zone = ZoneId.of(config.zone());
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    List<TradeSettlement> s = settlements(from, to, Optional.empty());
    Map<String, String> states = new java.util.HashMap<>(policy().discomStates());
    java.util.HashMap<String, Optional<BigDecimal>> plants = new java.util.HashMap<>();
    for (Prosumer p : Prosumer.<Prosumer>listAll()) {
      if (p.stateCode != null) {
        states.putIfAbsent(p.discomId, p.stateCode);
      }
      plants.put(
          p.meterId,
          "SOLAR".equalsIgnoreCase(p.sourceType)
              ? Optional.of(p.installedCapacityKw)
              : Optional.empty());
    }
    return new DreReport(m -> plants.getOrDefault(m, Optional.empty()), states::get).of(month, s);
  }

  @Transactional
  Optional<Instant> latestAllocation(Instant from, Instant to) {
    try (Connection c = dataSource.getConnection()) {
      AllocationLedger ledger = new AllocationLedger(c);
      return Stream.concat(
              ledger.inPeriod(from, to).stream(), ledger.wave2Settled(from, to).stream())
          .map(AllocationLedger.Row::allocatedAt)
          .max(Instant::compareTo);
    } catch (SQLException e) {
      throw new IllegalStateException("reading allocations failed: " + e.getMessage(), e);
    }
  }
}
