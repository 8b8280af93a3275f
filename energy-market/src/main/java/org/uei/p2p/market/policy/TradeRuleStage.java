package org.uei.p2p.market.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.market.book.InMemoryTradeBook;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.policy.config.NetworkEnvironment;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.market.rules.Rule;
import org.uei.p2p.market.rules.RuleViolation;
import org.uei.p2p.market.rules.TradeRuleChecker;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * The energy trading rules (slot, trading window, gate closure, quantity, self-trade, caps) applied
 * to a wave-2 contract by reading it as trades and asking {@link TradeRuleChecker}, so wave 1 and
 * wave 2 refuse the same trades for the same reasons. Rule ids are {@code TRADE-} and the rule's
 * name.
 */
final class TradeRuleStage {

  /**
   * Rules the policies check themselves, over every meter and DISCOM of the message and with exact
   * paths.
   */
  private static final Set<Rule> COVERED_ELSEWHERE =
      EnumSet.of(Rule.DISCOM_NOT_ALLOWED, Rule.TEST_METER_PREFIX);

  private static final Wave2Codec READER = new Wave2Codec(null, List.of());

  private final PolicyConfig config;
  private final MeterDirectory meters;
  private final TradeBook book;
  private final Set<TradeSide> capSides;

  /**
   * Caps are checked for {@code capSides} only, against {@code meters} and the open trades in
   * {@code book}.
   */
  TradeRuleStage(
      PolicyConfig config, MeterDirectory meters, TradeBook book, Set<TradeSide> capSides) {
    this.config = config;
    this.meters = meters == null ? new InMemoryMeterDirectory() : meters;
    this.book = book == null ? new InMemoryTradeBook() : book;
    this.capSides = capSides.isEmpty() ? EnumSet.noneOf(TradeSide.class) : EnumSet.copyOf(capSides);
  }

  void check(
      Wave2Envelope envelope,
      NetworkEnvironment env,
      Instant now,
      ContractFacts facts,
      Violations out) {
    TradeContract tc;
    try {
      tc = READER.contract(envelope.message());
    } catch (TradeCodecException e) {
      if ("select".equals(envelope.context().action())) {
        return; // select is optional and may carry a partial contract: judge it at init.
      }
      String at = e.error().getPaths();
      out.invalid(
          "TRADE-UNREADABLE",
          at == null || at.isEmpty() ? facts.contract().path() : at,
          "the contract cannot be read as trades, so its slots and quantities cannot be checked: "
              + e.error().getMessage());
      return;
    }
    TradingRules rules =
        TradingRules.ies()
            .withAllowedDiscoms(env.approvedDiscoms())
            .withTestNetwork(!env.production())
            .withTradingWindow(config.tradingOpensBefore(), config.gateClosureBefore());
    TradeRuleChecker checker = new TradeRuleChecker(rules, meters, book);
    String prefix =
        facts.contract().id() != null ? facts.contract().id() : envelope.context().transactionId();
    List<Trade> trades = tc.order().trades(prefix == null ? "draft" : prefix, now);
    List<String> paths = intervalPaths(facts);
    for (int i = 0; i < trades.size(); i++) {
      for (RuleViolation v : checker.check(trades.get(i), now, capSides)) {
        if (COVERED_ELSEWHERE.contains(v.rule())) {
          continue;
        }
        String path =
            v.rule() == Rule.SELF_TRADE && facts.buyerMeter() != null
                ? facts.buyerMeter().path()
                : i < paths.size() ? paths.get(i) : facts.contract().path();
        String msg =
            v.message().startsWith(v.rule().name() + ": ")
                ? v.message().substring(v.rule().name().length() + 2)
                : v.message();
        out.add(
            new PolicyViolation("TRADE-" + v.rule().name().replace('_', '-'), msg, path, v.code()));
      }
    }
  }

  /**
   * The interval paths in the order the codec reads them into trades (commitment by commitment).
   */
  private static List<String> intervalPaths(ContractFacts facts) {
    List<String> out = new ArrayList<>();
    for (Commitment c : facts.contract().commitments()) {
      TimeSeries ts = c == null ? null : c.commitmentAttributes();
      for (TimeSeries.Interval in : ts == null ? List.<TimeSeries.Interval>of() : ts.intervals()) {
        if (in != null) {
          out.add(in.path());
        }
      }
    }
    return out;
  }
}
