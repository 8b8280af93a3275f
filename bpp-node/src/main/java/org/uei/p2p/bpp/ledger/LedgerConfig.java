package org.uei.p2p.bpp.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** Ledger provider settings ({@code uei.bpp.ledger.*} / {@code UEI_BPP_LEDGER_*}). */
@ConfigMapping(prefix = "uei.bpp.ledger")
public interface LedgerConfig {

  /**
   * True serves the ledger API on this node; off by default, when {@code /ledger/*} answers 404.
   */
  @WithDefault("false")
  boolean enabled();

  /**
   * The DISCOM whose trades this ledger keeps; defaults to {@code uei.bpp.utility.discom-id}, so a
   * utility node that is also its DISCOM's ledger needs no second setting.
   */
  @WithName("discom-id")
  Optional<String> discomId();

  /**
   * DISCOM id → subscriber id the DISCOM signs its ledger calls with. A signer listed here is that
   * DISCOM (record, allocate, read its consumers' trades); any other registered BAP or BPP is a
   * platform (put, read its own trades).
   */
  Map<String, String> discoms();

  /** The daily request for its DISCOM's meter actuals (wave 2). */
  Actuals actuals();

  /** When and how far back the ledger asks its DISCOM for meter actuals. */
  interface Actuals {
    /**
     * False never asks on its own; the operator call still does. On by default when the ledger is.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Time of day (IST, on the market clock) after which the previous delivery days are asked for:
     * the DISCOM's MDMS data of a day arrives overnight.
     */
    @WithDefault("03:00")
    LocalTime after();

    /**
     * How many delivery days before today each daily run covers; windows still without actuals are
     * asked again on each of them.
     */
    @WithName("lookback-days")
    @WithDefault("3")
    int lookbackDays();

    /** At most this many meter windows per status message. */
    @WithName("max-windows-per-message")
    @WithDefault("200")
    int maxWindowsPerMessage();
  }
}
