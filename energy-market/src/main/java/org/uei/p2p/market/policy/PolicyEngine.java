package org.uei.p2p.market.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.uei.p2p.market.book.TradeBook;
import org.uei.p2p.market.meter.MeterDirectory;
import org.uei.p2p.market.policy.config.NetworkEnvironment;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.market.policy.config.PolicyConfigLoader;
import org.uei.p2p.model.trade.TradeSide;

/**
 * The policy stage a node runs on wave-2 messages: the {@link NetworkPolicy} on every action, then
 * the seller DISCOM's {@link ContractPolicy}, then any stages the node adds. Immutable and
 * thread-safe once built.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder()
 *     .config(PolicyConfigLoader.load(Path.of("policy.json")))
 *     .registry(discomId -> registryClient.ledgerOf(discomId))
 *     .build();
 * Optional<PolicyDecision> refusal = engine.firstRejection(new PolicyRequest(envelope, Instant.now()));
 * }</pre>
 */
public final class PolicyEngine {

  private final NetworkPolicy network;
  private final ContractPolicy contract;
  private final List<Policy> stages;

  private PolicyEngine(NetworkPolicy network, ContractPolicy contract, List<Policy> extra) {
    this.network = network;
    this.contract = contract;
    List<Policy> all = new ArrayList<>(List.of(network, contract));
    all.addAll(extra);
    this.stages = List.copyOf(all);
  }

  /** A builder; without a config it uses the IES defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The network policy alone: what every participant runs on every inbound action. */
  public PolicyDecision network(PolicyRequest request) {
    return network.evaluate(request);
  }

  /** The contract policy alone: what the seller platform runs on select, init and confirm. */
  public PolicyDecision contract(PolicyRequest request) {
    return contract.evaluate(request);
  }

  /** Every stage's decision, in order (network, contract, added stages). */
  public List<PolicyDecision> evaluate(PolicyRequest request) {
    return stages.stream().map(s -> s.evaluate(request)).collect(Collectors.toList());
  }

  /** The first decision that rejects the message, if any; later stages are not run. */
  public Optional<PolicyDecision> firstRejection(PolicyRequest request) {
    for (Policy s : stages) {
      PolicyDecision d = s.evaluate(request);
      if (d.rejects()) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The stages in the order they run. */
  public List<Policy> stages() {
    return stages;
  }

  /** Assembles an engine. Not thread-safe; the engine it builds is. */
  public static final class Builder {
    private PolicyConfig config;
    private DiscomRegistry registry;
    private MeterDirectory meters;
    private TradeBook book;
    private Set<TradeSide> capSides = EnumSet.noneOf(TradeSide.class);
    private boolean tradeRules = true;
    private final List<Policy> extra = new ArrayList<>();

    private Builder() {}

    /** The networks and rules to enforce (see {@link PolicyConfigLoader}). */
    public Builder config(PolicyConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Where DISCOMs' registered ledgers are looked up; required when an environment checks ledgers
     * against the registry.
     */
    public Builder registry(DiscomRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Check the per-slot caps of {@code sides} (installed capacity for the seller, sanctioned load
     * for the buyer) against {@code meters} and the open trades in {@code book}. Without this, caps
     * are left to whoever knows the meters (the DISCOM's limit check).
     */
    public Builder caps(MeterDirectory meters, TradeBook book, Set<TradeSide> sides) {
      this.meters = Objects.requireNonNull(meters, "meters");
      this.book = Objects.requireNonNull(book, "book");
      this.capSides = EnumSet.copyOf(sides);
      return this;
    }

    /**
     * Whether the contract policy applies the trading rules (slot, window, gate closure, quantity,
     * self-trade) on select, init and confirm; on by default. Off only for policies judged apart
     * from any trading day, such as the policy guide's minimal inputs, which carry no slots.
     */
    public Builder tradeRules(boolean on) {
      this.tradeRules = on;
      return this;
    }

    /** A further stage, run after the contract policy. */
    public Builder addStage(Policy stage) {
      extra.add(Objects.requireNonNull(stage, "stage"));
      return this;
    }

    /**
     * The engine.
     *
     * @throws IllegalStateException when an environment checks ledger URLs against the registry but
     *     no registry was given
     */
    public PolicyEngine build() {
      PolicyConfig c = config != null ? config : PolicyConfigLoader.iesDefaults();
      if (registry == null) {
        for (NetworkEnvironment e : c.environments()) {
          if (e.ledgerUrlSource().usesRegistry()) {
            throw new IllegalStateException(
                "environment "
                    + e.name()
                    + " checks ledger URLs against the registry "
                    + "(ledgerUrls.source "
                    + e.ledgerUrlSource().name().toLowerCase()
                    + "), but no DiscomRegistry was given");
          }
        }
      }
      DiscomRegistry r = registry != null ? registry : DiscomRegistry.none();
      TradeRuleStage trades = tradeRules ? new TradeRuleStage(c, meters, book, capSides) : null;
      return new PolicyEngine(new NetworkPolicy(c), new ContractPolicy(c, r, trades), extra);
    }
  }
}
