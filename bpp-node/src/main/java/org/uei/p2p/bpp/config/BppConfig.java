package org.uei.p2p.bpp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Seller-platform settings ({@code uei.bpp.*} / {@code UEI_BPP_*}). */
@ConfigMapping(prefix = "uei.bpp")
public interface BppConfig {

  /** The network id put on offers when the provider API call gives none. */
  @WithName("network-id")
  @WithDefault("p2p-trading-pilot-network")
  String networkId();

  /** Name of the catalog in on_discover. */
  @WithName("catalog-name")
  @WithDefault("Rooftop solar energy")
  String catalogName();

  /**
   * {@code platform} (the seller platform, default) or {@code utility}: the node is a DISCOM's
   * utility node that checks and records the trades platforms cascade to it.
   */
  @WithDefault("platform")
  String mode();

  /** True in utility mode. */
  default boolean utilityMode() {
    return "utility".equalsIgnoreCase(mode().trim());
  }

  /** Settings of utility mode. */
  Utility utility();

  /** A DISCOM's utility node. */
  interface Utility {
    /** The DISCOM this node speaks for; required in utility mode. */
    @WithName("discom-id")
    Optional<String> discomId();

    /**
     * Subscriber id of the DISCOM's ledger provider: the only party whose wave-2 status for meter
     * actuals this utility answers.
     */
    @WithName("ledger-id")
    Optional<String> ledgerId();
  }

  /**
   * DISCOM id → subscriber id of that DISCOM's utility node. A platform cascades init, confirm and
   * cancel to the utility of every DISCOM of a trade listed here; none listed, no cascade.
   */
  java.util.Map<String, String> utilities();

  /** How the platform waits for utilities. */
  Cascade cascade();

  /** Cascade settings. */
  interface Cascade {
    /** How long the platform waits for every utility before answering the buyer with an error. */
    @WithDefault("PT15S")
    Duration timeout();
  }

  /** The trading rules checked at select, init and confirm. */
  Rules rules();

  /** Trading rules of the network (IES defaults). */
  interface Rules {
    /** False skips the rule check (a private test network with its own conventions). */
    @WithDefault("true")
    boolean enabled();

    /** A test network: every meter id must start with {@code TEST_}. */
    @WithName("test-network")
    @WithDefault("false")
    boolean testNetwork();

    /** DISCOMs whose consumers may trade; the IES pilot list when not set. */
    @WithName("allowed-discoms")
    Optional<java.util.Set<String>> allowedDiscoms();

    /** Trading for a slot opens this long before it starts. */
    @WithName("trading-opens-before")
    @WithDefault("PT24H")
    Duration tradingOpensBefore();

    /** Gate closure: trading, updates and cancellation end this long before the slot starts. */
    @WithName("gate-closure-before")
    @WithDefault("PT4H")
    Duration gateClosureBefore();
  }

  /** Settlement account the buyer platform pays into, returned in on_init. */
  Settlement settlement();

  /** Bank or UPI details of the seller platform's settlement account. */
  interface Settlement {
    @WithName("account-holder")
    @WithDefault("Seller platform settlement account")
    String accountHolder();

    @WithName("account-number")
    Optional<String> accountNumber();

    @WithName("ifsc")
    Optional<String> ifsc();

    @WithName("bank-name")
    Optional<String> bankName();

    @WithName("vpa")
    Optional<String> vpa();

    /** A payment page the buyer platform pays through (IES wave 2 SettlementTerm). */
    @WithName("payment-url")
    Optional<String> paymentUrl();
  }
}
