package org.uei.p2p.bpp.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
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
}
