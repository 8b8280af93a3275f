package org.uei.p2p.bpp.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Participant credentials ({@code uei.bpp.credentials.*} / {@code UEI_BPP_CREDENTIALS_*}). */
@ConfigMapping(prefix = "uei.bpp.credentials")
public interface CredentialSettings {

  /** Utility mode: issue an ElectricityCredential to each consumer enrolled. */
  @WithDefault("true")
  boolean issue();

  /** How long an issued credential is valid. */
  @WithName("valid-for")
  @WithDefault("P365D")
  Duration validFor();

  /** Tariff category put in a credential when the enrolment names none. */
  @WithName("default-tariff-category")
  @WithDefault("LT-DOMESTIC")
  String defaultTariffCategory();

  /**
   * Platform mode: a prosumer must hold a valid credential from its DISCOM's utility node to offer
   * and to trade (checked again, revocation included, before every order).
   */
  @WithDefault("false")
  boolean require();

  /**
   * DeDi registry that holds revocations (base URL before {@code /lookup}); the node's registry
   * ({@code uei.registry.url}) when not set.
   */
  @WithName("status-registry")
  Optional<String> statusRegistry();
}
