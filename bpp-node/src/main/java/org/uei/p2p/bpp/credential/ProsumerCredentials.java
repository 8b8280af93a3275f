package org.uei.p2p.bpp.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.credentials.CredentialVerifier;
import org.uei.p2p.credentials.ElectricityAttestation;
import org.uei.p2p.credentials.TrustedIssuers;
import org.uei.p2p.credentials.did.RegistryDidResolver;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.registry.RegistryKeyResolver;

/**
 * The seller platform's check of a prosumer's credential: an ElectricityCredential, verified
 * (signature, validity, revocation), issued by the utility node of the prosumer's own DISCOM
 * ({@code uei.bpp.utilities}), naming the prosumer's meter and attesting at least the installed
 * capacity the prosumer claims. Checked at registration and again before every trade, so that a
 * revocation after enrolment stops trading.
 */
@ApplicationScoped
public class ProsumerCredentials {

  @Inject CredentialSettings settings;
  @Inject StatusRegistry statusRegistry;
  @Inject BppConfig config;
  @Inject RegistryKeyResolver keys;

  private volatile CredentialVerifier verifier;

  /** True when prosumers must hold a valid credential to offer and trade. */
  public boolean required() {
    return settings.require();
  }

  /**
   * Why {@code credential} does not back a prosumer with {@code meterId} in {@code discomId}
   * claiming {@code capacityKw}, or empty when it does. A missing credential is a problem only when
   * credentials are required.
   */
  public Optional<String> problem(
      String credential, String discomId, String meterId, BigDecimal capacityKw) {
    if (credential == null || credential.isBlank()) {
      return required()
          ? Optional.of("prosumer has no credential from its DISCOM, and this network requires one")
          : Optional.empty();
    }
    VerificationResult r = verifier().verify(credential);
    if (!r.valid()) {
      var p = r.problems().get(0);
      return Optional.of(
          "credential refused ("
              + p.reason()
              + (p.path() == null || p.path().isEmpty() ? "" : " at " + p.path())
              + "): "
              + p.message());
    }
    String utility = config.utilities().get(discomId);
    if (utility == null || !r.credential().issuerId().equals(RegistryDidResolver.did(utility))) {
      return Optional.of(
          "credential issued by '"
              + r.credential().issuerId()
              + "', not by the utility of DISCOM '"
              + discomId
              + "'");
    }
    Optional<ElectricityAttestation> a = ElectricityAttestation.of(r.credential(), meterId);
    if (a.isEmpty()) {
      return Optional.of("credential does not name meter '" + meterId + "'");
    }
    BigDecimal attested = a.get().installedCapacityKw().orElse(BigDecimal.ZERO);
    if (capacityKw != null && capacityKw.compareTo(attested) > 0) {
      return Optional.of(
          "installed capacity "
              + capacityKw.toPlainString()
              + " kW is more than the "
              + attested.toPlainString()
              + " kW the credential attests");
    }
    return Optional.empty();
  }

  private CredentialVerifier verifier() {
    CredentialVerifier v = verifier;
    if (v == null) {
      Map<String, String> trusted = new HashMap<>();
      config
          .utilities()
          .values()
          .forEach(s -> trusted.put(RegistryDidResolver.did(s), TrustedIssuers.DISCOM));
      CredentialVerifier.Builder b =
          CredentialVerifier.builder()
              .didResolver(new RegistryDidResolver(keys))
              .trustedIssuers(TrustedIssuers.of(trusted));
      statusRegistry.url().ifPresent(b::dediRegistry);
      v = b.build();
      verifier = v;
    }
    return v;
  }
}
