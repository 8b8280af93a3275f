package org.uei.p2p.market.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.uei.p2p.market.policy.ContractFacts.Located;
import org.uei.p2p.market.policy.ContractFacts.Party;
import org.uei.p2p.market.policy.config.DiscomPair;
import org.uei.p2p.market.policy.config.NetworkEnvironment;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The seller DISCOM's contract policy (IES wave 2), natively: who may trade with this DISCOM's
 * prosumers, in which currency, recording on which ledgers, inside which trading window. The seller
 * platform runs it on select, init and confirm and answers 400 + NACK when it rejects; it also
 * judges catalog publishes (so a bad catalog fails once, not trade by trade) and the settled
 * on_status (revenue flows). Build one with {@link PolicyEngine#builder()}.
 */
public final class ContractPolicy implements Policy {

  /** The name in decisions. */
  public static final String NAME = "contract";

  /** {@code context.networkId} missing or not a network of the configuration. */
  public static final String NETWORK = "CON-NETWORK";

  /** The seller DISCOM is not one this policy is written for (outcome NOT_APPLICABLE). */
  public static final String APPLICABILITY = "CON-APPLICABILITY";

  /** A required role (buyerPlatform, sellerPlatform, buyerDiscom, sellerDiscom) is missing. */
  public static final String ROLES = "CON-ROLES";

  /** A role names a participant that {@code participants[]} does not hold. */
  public static final String PARTICIPANT = "CON-PARTICIPANT";

  /** The buyer's DISCOM is not allowed to buy from this DISCOM's prosumers here. */
  public static final String BUYER_DISCOM = "CON-BUYER-DISCOM";

  /** The buyer/seller DISCOM pair is not a configured corridor. */
  public static final String DISCOM_PAIR = "CON-DISCOM-PAIR";

  /** A DISCOM that is blocked outright in this environment (test partners in production). */
  public static final String BLOCKED_PARTNER = "CON-BLOCKED-PARTNER";

  /** A price in a currency the policy does not settle in. */
  public static final String CURRENCY = "CON-CURRENCY";

  /** A DISCOM participant names no ledger. */
  public static final String LEDGER_MISSING = "CON-LEDGER-MISSING";

  /** A DISCOM's ledger URL is not permitted, or not the one that DISCOM registered. */
  public static final String LEDGER_URL = "CON-LEDGER-URL";

  /** A DISCOM has no registry record to check its ledger against. */
  public static final String LEDGER_UNREGISTERED = "CON-LEDGER-UNREGISTERED";

  /**
   * A settled on_status lacks what the settlement needs (price for a settled slot, declared
   * columns).
   */
  public static final String SETTLEMENT = "CON-SETTLEMENT";

  /** The carried revenue flows do not sum to zero or differ from what the policy computes. */
  public static final String REVENUE_FLOW = "CON-REVENUE-FLOW";

  /**
   * Actions at which both DISCOMs' participants must be in the contract (they are forwarded to the
   * ledgers).
   */
  private static final Set<String> PARTICIPANTS_REQUIRED =
      Set.of("init", "on_init", "confirm", "on_confirm");

  /** Actions the seller receives that form the trade: the trading rules apply. */
  private static final Set<String> TRADE_FORMING = Set.of("select", "init", "confirm");

  private final PolicyConfig config;
  private final LedgerRule ledgers;
  private final TradeRuleStage trades;

  ContractPolicy(PolicyConfig config, DiscomRegistry registry, TradeRuleStage trades) {
    this.config = config;
    this.ledgers = new LedgerRule(registry);
    this.trades = trades;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PolicyDecision evaluate(PolicyRequest request) {
    Wave2Envelope env = request.envelope();
    Wave2Message msg = env.message();
    Contract contract = msg == null ? null : msg.contract();
    List<CatalogOffer> offers = msg == null ? List.of() : CatalogFacts.offers(msg);
    if (contract == null && offers.isEmpty()) {
      // discover, acks, meter-data status pings: nothing this policy judges.
      return new PolicyDecision(NAME, PolicyOutcome.NOT_APPLICABLE, List.of());
    }
    Violations v = new Violations();
    NetworkEnvironment ne = environment(env.context(), config, NETWORK, v);
    if (ne == null) {
      return PolicyDecision.of(NAME, v.list());
    }
    ContractFacts facts = contract == null ? null : new ContractFacts(contract);
    Optional<PolicyViolation> foreign =
        facts == null
            ? Optional.empty()
            : applicability(ne, facts.discom(DegContract.SELLER_DISCOM), "the contract");
    if (foreign.isPresent()) {
      return new PolicyDecision(NAME, PolicyOutcome.NOT_APPLICABLE, List.of(foreign.get()));
    }
    if (facts != null) {
      String action = env.context().action();
      contractRules(ne, facts, action, v);
      if (trades != null && TRADE_FORMING.contains(action)) {
        trades.check(env, ne, request.now(), facts, v);
      }
      if ("on_status".equals(action)) {
        SettlementRule.check(contract, config, v);
      }
    }
    for (CatalogOffer o : offers) {
      Located seller = CatalogFacts.sellerDiscom(o);
      applicability(ne, seller, "offer " + o.id()).ifPresent(v::add);
      if (seller == null) {
        v.policy(
            ROLES,
            o.pathOf("offerAttributes.contractAttributes.roles"),
            "offer "
                + o.id()
                + " names no sellerDiscom, so the policy that governs it cannot be told");
      }
      CatalogFacts.currencies(o).forEach(c -> currency(c, v));
    }
    return PolicyDecision.of(NAME, v.list());
  }

  /**
   * The environment the context's network selects; {@code null} (and a violation) when none does.
   */
  static NetworkEnvironment environment(
      Wave2Context ctx, PolicyConfig config, String rule, Violations v) {
    String id = ctx == null ? null : ctx.networkId();
    if (id == null) {
      v.invalid(
          rule,
          "context.networkId",
          "context.networkId is missing, so the trading network cannot be told");
      return null;
    }
    Optional<NetworkEnvironment> ne = config.environmentOf(id);
    if (ne.isEmpty()) {
      v.policy(
          rule,
          "context.networkId",
          "network \""
              + id
              + "\" is not a recognised IES P2P trading network (known: "
              + String.join(", ", config.knownNetworkIds())
              + ")");
    }
    return ne.orElse(null);
  }

  /**
   * A violation when {@code seller} is not a DISCOM this policy governs. For a contract that makes
   * the policy not applicable; a catalog is the publisher's own statement, so an offer linking a
   * policy that does not govern it is blocked outright, before any trade on it can fail.
   */
  private static Optional<PolicyViolation> applicability(
      NetworkEnvironment ne, Located seller, String what) {
    if (seller != null && !ne.applicableSellerDiscoms().contains(seller.value())) {
      return Optional.of(
          new PolicyViolation(
              APPLICABILITY,
              "this policy does not govern prosumers of seller DISCOM \""
                  + seller.value()
                  + "\" on the "
                  + ne.name()
                  + " network (it governs: "
                  + sorted(ne.applicableSellerDiscoms())
                  + "); "
                  + what
                  + " links the wrong policy",
              seller.path(),
              PolicyViolation.POLICY_ERROR));
    }
    return Optional.empty();
  }

  private void contractRules(
      NetworkEnvironment ne, ContractFacts facts, String action, Violations v) {
    Set<String> declared = new TreeSet<>();
    facts.declaredRoles().forEach(r -> declared.add(r.value()));
    for (String role : DegContract.P2P_ROLES) {
      if (!declared.contains(role)) {
        v.policy(
            ROLES,
            facts.rolesPath(),
            "the contract has no "
                + role
                + " role; a P2P trade binds buyerPlatform, "
                + "sellerPlatform, buyerDiscom and sellerDiscom");
      } else if (PARTICIPANTS_REQUIRED.contains(action) && facts.party(role) == null) {
        Located id = facts.roleId(role);
        v.policy(
            PARTICIPANT,
            id == null ? facts.rolesPath() : id.path(),
            "role "
                + role
                + " names participant \""
                + (id == null ? "" : id.value())
                + "\", but participants[] holds no such participant");
      }
    }
    Located buyer = facts.discom(DegContract.BUYER_DISCOM);
    Located seller = facts.discom(DegContract.SELLER_DISCOM);
    if (buyer == null && ne.enforceAllowlist()) {
      v.policy(
          BUYER_DISCOM,
          facts.rolesPath(),
          "the buyer's DISCOM cannot be told: no buyerDiscom role");
    } else if (buyer != null
        && ne.enforceAllowlist()
        && !ne.allowedBuyerDiscoms().contains(buyer.value())) {
      v.policy(
          BUYER_DISCOM,
          buyer.path(),
          "buyer DISCOM \""
              + buyer.value()
              + "\" may not buy from this DISCOM's "
              + "prosumers on the "
              + ne.name()
              + " network (allowed: "
              + sorted(ne.allowedBuyerDiscoms())
              + ")");
    }
    if (buyer != null
        && seller != null
        && !ne.allowedDiscomPairs().isEmpty()
        && !ne.allowedDiscomPairs().contains(new DiscomPair(buyer.value(), seller.value()))) {
      v.policy(
          DISCOM_PAIR,
          buyer.path(),
          "DISCOM pair buyer "
              + buyer.value()
              + " / seller "
              + seller.value()
              + " is not an allowed trading corridor on the "
              + ne.name()
              + " network (allowed: "
              + ne.allowedDiscomPairs()
              + ")");
    }
    for (Located d : new Located[] {buyer, seller}) {
      if (d != null && ne.blockedPartners().contains(d.value())) {
        v.policy(
            BLOCKED_PARTNER,
            d.path(),
            "DISCOM \""
                + d.value()
                + "\" is blocked on the "
                + ne.name()
                + " network"
                + (ne.production() ? " (a test partner cannot trade in production)" : ""));
      }
    }
    for (Commitment c : facts.contract().commitments()) {
      TimeSeries ts = c == null ? null : c.commitmentAttributes();
      if (ts != null) {
        ts.descriptor(TimeSeries.PRICE_PER_KWH)
            .filter(d -> d.currency() != null)
            .ifPresent(d -> currency(new Located(d.currency(), d.pathOf("currency")), v));
      }
    }
    for (String role : List.of(DegContract.BUYER_DISCOM, DegContract.SELLER_DISCOM)) {
      Party p = facts.party(role);
      Located discom = facts.discom(role);
      if (p != null && discom != null) {
        ledgers.check(ne, role, discom.value(), p, v);
      }
    }
  }

  private void currency(Located c, Violations v) {
    if (!config.currencies().contains(c.value())) {
      v.policy(
          CURRENCY,
          c.path(),
          "prices are in " + c.value() + ", but trades settle in " + sorted(config.currencies()));
    }
  }

  static String sorted(Set<String> values) {
    return String.join(", ", new TreeSet<>(values));
  }
}
