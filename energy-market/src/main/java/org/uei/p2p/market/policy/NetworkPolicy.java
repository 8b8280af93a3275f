package org.uei.p2p.market.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.market.policy.ContractFacts.Located;
import org.uei.p2p.market.policy.config.NetworkEnvironment;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The IES wave-2 network policy, natively: the rules every participant applies to every action
 * before anything else (version, network membership, the shape of a trade contract, identities that
 * must not cross between test and production). Contract-shape rules fire only when the message
 * carries a contract, so discover or a status ping is never refused for lacking one. Build one with
 * {@link PolicyEngine#builder()}.
 */
public final class NetworkPolicy implements Policy {

  /** The name in decisions. */
  public static final String NAME = "network";

  /** No {@code context} object. */
  public static final String CONTEXT = "NET-CONTEXT";

  /** {@code context.version} is not 2.0.0. */
  public static final String VERSION = "NET-VERSION";

  /** {@code context.networkId} missing or not a network of the configuration. */
  public static final String NETWORK = "NET-NETWORK";

  /** Roles incomplete (once any is declared) or a role outside the four P2P roles. */
  public static final String ROLES = "NET-ROLES";

  /** Buyer and seller DISCOM are the same on an inter-DISCOM network. */
  public static final String INTER_DISCOM = "NET-INTER-DISCOM";

  /** Buyer and seller meter are the same. */
  public static final String SELF_TRADE = "NET-SELF-TRADE";

  /** PRICE_PER_KWH in a currency the network does not settle in. */
  public static final String CURRENCY = "NET-CURRENCY";

  /** An energy column (AVAILABLE_QTY, REQUESTED_QTY, allocations) not in KWH. */
  public static final String UNITS = "NET-UNITS";

  /**
   * An interval carries a payload type its table does not declare (typos, undocumented signals).
   */
  public static final String UNDECLARED_PAYLOAD = "NET-UNDECLARED-PAYLOAD";

  /** The seller's resource is the grid, not a generation source. */
  public static final String SOURCE_TYPE = "NET-SOURCE-TYPE";

  /** FINAL_ALLOC for a slot nobody requested, or above what a DISCOM allocated. */
  public static final String FINAL_ALLOC = "NET-FINAL-ALLOC";

  /** The contract names another policy entry point than the network's. */
  public static final String POLICY_PIN = "NET-POLICY-PIN";

  /** {@code context.bapId}/{@code bppId} is not a party of the contract. */
  public static final String PARTY_ALIGNMENT = "NET-PARTY-ALIGNMENT";

  /** On a production network, a DISCOM that is not approved. */
  public static final String DISCOM_APPROVED = "NET-DISCOM-APPROVED";

  /** A test meter in production, or a real meter on a test network. */
  public static final String TEST_METER = "NET-TEST-METER";

  private final PolicyConfig config;

  NetworkPolicy(PolicyConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PolicyDecision evaluate(PolicyRequest request) {
    Wave2Envelope env = request.envelope();
    Wave2Context ctx = env.context();
    Violations v = new Violations();
    if (ctx == null) {
      v.invalid(CONTEXT, "context", "the message has no context object");
      return PolicyDecision.of(NAME, v.list());
    }
    if (!Wave2Context.VERSION.equals(ctx.version())) {
      v.invalid(
          VERSION,
          "context.version",
          "version is \"" + ctx.version() + "\"; this network speaks " + Wave2Context.VERSION);
    }
    NetworkEnvironment ne = ContractPolicy.environment(ctx, config, NETWORK, v);
    Wave2Message msg = env.message();
    Contract contract = msg == null ? null : msg.contract();
    List<CatalogOffer> offers = msg == null ? List.of() : CatalogFacts.offers(msg);
    List<Located> discoms = new ArrayList<>();
    List<Located> meters = new ArrayList<>();
    if (contract != null) {
      ContractFacts facts = new ContractFacts(contract);
      contractRules(ctx, facts, ne, v);
      for (String role : List.of(DegContract.BUYER_DISCOM, DegContract.SELLER_DISCOM)) {
        Located d = facts.discom(role);
        if (d != null) {
          discoms.add(d);
        }
      }
      for (Participant p : contract.participants()) {
        Located m =
            p == null
                ? null
                : new ContractFacts.Party(p.path(), p.id(), p.member("participantAttributes"))
                    .attr("meterId");
        if (m != null) {
          meters.add(m);
        }
      }
      if (facts.sellerMeter() != null) {
        meters.add(facts.sellerMeter());
      }
    }
    for (CatalogOffer o : offers) {
      Located pin = CatalogFacts.policyQueryPath(o);
      if (pin != null && !config.policyQueryPath().equals(pin.value())) {
        v.policy(
            POLICY_PIN,
            pin.path(),
            "offer "
                + o.id()
                + " names policy entry point \""
                + pin.value()
                + "\"; this network's is \""
                + config.policyQueryPath()
                + "\"");
      }
      Located d = CatalogFacts.sellerDiscom(o);
      if (d != null) {
        discoms.add(d);
      }
      meters.addAll(CatalogFacts.meters(o));
    }
    if (ne != null) {
      identityRules(ne, discoms, meters, v);
    }
    return PolicyDecision.of(NAME, v.list());
  }

  private void contractRules(
      Wave2Context ctx, ContractFacts facts, NetworkEnvironment ne, Violations v) {
    List<Located> declared = facts.declaredRoles();
    Set<String> present = new HashSet<>();
    for (Located r : declared) {
      present.add(r.value());
      if (!DegContract.P2P_ROLES.contains(r.value())) {
        v.policy(
            ROLES,
            r.path(),
            "unknown role \""
                + r.value()
                + "\"; roles are "
                + String.join(", ", DegContract.P2P_ROLES));
      }
    }
    // A contract without roles is a DISCOM-internal message (meter actuals): completeness is a
    // trade concern.
    for (String role : declared.isEmpty() ? List.<String>of() : DegContract.P2P_ROLES) {
      if (!present.contains(role)) {
        v.policy(ROLES, facts.rolesPath(), "the contract has no " + role + " role");
      }
    }
    Located buyer = facts.discom(DegContract.BUYER_DISCOM);
    Located seller = facts.discom(DegContract.SELLER_DISCOM);
    if (ne != null
        && ne.interDiscomOnly()
        && buyer != null
        && seller != null
        && buyer.value().equals(seller.value())) {
      v.policy(
          INTER_DISCOM,
          buyer.path(),
          "buyer and seller are both in DISCOM "
              + buyer.value()
              + "; this network trades between different DISCOMs");
    }
    Located bm = facts.buyerMeter();
    Located sm = facts.sellerMeter();
    if (bm != null && sm != null && bm.value().equals(sm.value())) {
      v.policy(
          SELF_TRADE,
          bm.path(),
          "buyer and seller meter are both "
              + bm.value()
              + "; a prosumer cannot trade with itself");
    }
    DegContract dc = facts.contract().contractAttributes();
    DegContract.Policy pol = dc == null ? null : dc.policy();
    if (pol != null && !config.policyQueryPath().equals(pol.queryPath())) {
      v.policy(
          POLICY_PIN,
          pol.pathOf("queryPath"),
          "the contract names policy entry point \""
              + pol.queryPath()
              + "\"; this network's is \""
              + config.policyQueryPath()
              + "\"");
    }
    TableRules.check(facts.contract(), config, v);
    Set<String> ids = new HashSet<>();
    for (Participant p : facts.contract().participants()) {
      if (p != null && p.id() != null) {
        ids.add(p.id());
        Participant.DiscomLedgerProvider l = p.ledgerProvider();
        if (l != null) {
          ids.add(l.discomId());
          ids.add(l.ledgerId());
        }
      }
    }
    // Cascade legs re-address a contract; the ids in the context must still be parties to it.
    if (!ids.isEmpty()) {
      for (String[] who : new String[][] {{"bapId", ctx.bapId()}, {"bppId", ctx.bppId()}}) {
        if (who[1] != null && !ids.contains(who[1])) {
          v.policy(
              PARTY_ALIGNMENT,
              "context." + who[0],
              "context." + who[0] + " \"" + who[1] + "\" is not a participant of the contract");
        }
      }
    }
  }

  private static void identityRules(
      NetworkEnvironment ne, List<Located> discoms, List<Located> meters, Violations v) {
    if (ne.production()) {
      for (Located d : discoms) {
        if (!ne.approvedDiscoms().contains(d.value())) {
          v.policy(
              DISCOM_APPROVED,
              d.path(),
              "DISCOM \""
                  + d.value()
                  + "\" is not approved on the production network "
                  + "(approved: "
                  + ContractPolicy.sorted(ne.approvedDiscoms())
                  + ")");
        }
      }
    }
    for (Located m : meters) {
      boolean test = m.value().startsWith(ne.testMeterPrefix());
      if (ne.production() && test) {
        v.policy(
            TEST_METER,
            m.path(),
            "meter " + m.value() + " is a test meter and cannot trade on the production network");
      } else if (!ne.production() && !test) {
        v.policy(
            TEST_METER,
            m.path(),
            "meter "
                + m.value()
                + " must start with "
                + ne.testMeterPrefix()
                + " on the "
                + ne.name()
                + " network");
      }
    }
  }
}
