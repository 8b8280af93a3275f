package org.uei.p2p.bpp.utility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.credential.CredentialSettings;
import org.uei.p2p.bpp.credential.StatusRegistry;
import org.uei.p2p.credentials.CredentialIssuer;
import org.uei.p2p.credentials.ElectricityCredentials;
import org.uei.p2p.credentials.did.RegistryDidResolver;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.credentials.status.RevocationPublisher;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;

/**
 * A utility node as credential issuer: each consumer it enrols gets an ElectricityCredential
 * (meter, sanctioned load, installed capacity) signed with the DISCOM's registry key, whose DID is
 * {@code did:web:{subscriber id}} resolved through the registry. A change to what the credential
 * attests replaces it; the replaced one is revoked in the DeDi registry, as is one revoked on
 * request. Runs inside the enrolment's transaction, so a registry that refuses a revocation leaves
 * nothing stored.
 */
@ApplicationScoped
public class UtilityCredentials {

  @Inject CredentialSettings settings;
  @Inject BppConfig config;
  @Inject StatusRegistry statusRegistry;
  @Inject NodeIdentity identity;

  // Holds one HTTP client for every revocation instead of one per call.
  private volatile Publisher publisher;

  /** True when this node issues credentials at enrolment. */
  public boolean issuing() {
    return config.utilityMode() && settings.issue();
  }

  /** Issues a credential for {@code c} unless its active one already attests the same. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enrolled(UtilityConsumer c) {
    UtilityConsumer.findById(c.meterId, LockModeType.PESSIMISTIC_WRITE);
    String tariff = c.tariffCategory == null ? settings.defaultTariffCategory() : c.tariffCategory;
    String vm = RegistryDidResolver.verificationMethod(identity.subscriberId(), identity.keyId());
    Instant now = Instant.now();
    ElectricityCredentials template =
        new ElectricityCredentials(
            RegistryDidResolver.did(identity.subscriberId()),
            config.utility().discomId().orElse(identity.subscriberId()),
            now,
            now.plus(settings.validFor()),
            statusRegistry.url().orElse(null),
            identity.subscriberId());
    var subject =
        ElectricityCredentials.subject(
            null,
            c.customerId,
            template.meterIri(c.meterId),
            c.meterId,
            c.sanctionedLoadKw,
            c.installedCapacityKw.signum() > 0 ? c.installedCapacityKw : null,
            tariff);
    Optional<IssuedCredential> active = IssuedCredential.active(c.meterId);
    if (active.isPresent()
        && Objects.equals(
            Credential.parse(active.get().credential).subject().toString(), subject.toString())) {
      return;
    }
    active.ifPresent(
        old -> revoke(old, "replaced by a credential with the consumer's new details"));
    UUID id = UUID.randomUUID();
    Credential signed =
        CredentialIssuer.of(identity.keyPair(), vm)
            .issue(template.unsigned(subject, id), ProofSuite.EDDSA_RDFC_2022);
    IssuedCredential issued = new IssuedCredential();
    issued.id = id.toString();
    issued.meterId = c.meterId;
    issued.credential = signed.toJson();
    issued.issuedAt = now;
    issued.persist();
  }

  /** Revokes the meter's active credential; returns it, or empty when it has none. */
  @Transactional
  public Optional<IssuedCredential> revoke(String meterId, String reason) {
    if (UtilityConsumer.findById(meterId, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw Refusal.notFound("no consumer with meter '" + meterId + "'");
    }
    Optional<IssuedCredential> active = IssuedCredential.active(meterId);
    active.ifPresent(c -> revoke(c, reason));
    return active;
  }

  private void revoke(IssuedCredential c, String reason) {
    Optional<RevocationPublisher> publisher = publisher();
    if (publisher.isPresent()) {
      try {
        publisher.get().revoke(identity.subscriberId(), null, c.id, reason);
      } catch (RevocationPublisher.PublishException e) {
        throw Refusal.upstream("the revocation was not published: " + e.getMessage());
      }
    }
    c.revokedAt = Instant.now();
    c.revocationReason = reason == null ? null : truncate(reason, 512);
  }

  /** One publisher (and its HTTP client) for the configured status registry, made on first use. */
  private Optional<RevocationPublisher> publisher() {
    Optional<String> url = statusRegistry.url();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    Publisher p = publisher;
    if (p == null || !p.url().equals(url.get())) {
      p = new Publisher(url.get(), RevocationPublisher.to(url.get()));
      publisher = p;
    }
    return Optional.of(p.publisher());
  }

  private record Publisher(String url, RevocationPublisher publisher) {}

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
