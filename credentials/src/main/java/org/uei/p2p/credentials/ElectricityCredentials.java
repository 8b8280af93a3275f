package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.uei.p2p.credentials.jsonld.BundledContexts;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.status.RevocationPublisher;
import org.uei.p2p.registry.RegistryHttp;

/**
 * Builds unsigned ElectricityCredential v1.2 documents, as a DISCOM issues them at enrolment: the
 * VC 2.0 envelope, the issuer, the validity period, the {@code dediregistry} status entry and a
 * {@code credentialSubject} given by the caller. Immutable builder values; thread-safe.
 *
 * @param issuerDid the DISCOM's DID
 * @param issuerName the DISCOM's name
 * @param validFrom start of validity
 * @param validUntil end of validity, or null for none
 * @param statusRegistry base URL of the DeDi registry holding revocations (before {@code /lookup}),
 *     or null for no status
 * @param statusNamespace the DeDi namespace of the issuer's revocation registry, e.g. its
 *     subscriber id
 */
public record ElectricityCredentials(
    String issuerDid,
    String issuerName,
    Instant validFrom,
    Instant validUntil,
    String statusRegistry,
    String statusNamespace) {

  /** The DeDi registry name revocations are published in. */
  public static final String REVOCATION_REGISTRY = RevocationPublisher.REVOCATION_REGISTRY;

  public ElectricityCredentials {
    Objects.requireNonNull(issuerDid, "issuerDid");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(validFrom, "validFrom");
    if (statusRegistry != null) {
      Objects.requireNonNull(statusNamespace, "statusNamespace");
    }
  }

  /**
   * An unsigned credential for {@code subject} (the {@code credentialSubject} object), with a fresh
   * urn:uuid id.
   */
  public ObjectNode unsigned(JsonNode subject) {
    return unsigned(subject, UUID.randomUUID());
  }

  /** An unsigned credential for {@code subject} with id {@code urn:uuid:{id}}. */
  public ObjectNode unsigned(JsonNode subject, UUID id) {
    ObjectNode c = Credential.MAPPER.createObjectNode();
    c.putArray("@context")
        .add(CredentialValidator.VC_V2)
        .add(BundledContexts.ELECTRICITY_CREDENTIAL_V1_2);
    c.put("id", "urn:uuid:" + id);
    c.putArray("type").add("VerifiableCredential").add(EnergyCredentialRules.ELECTRICITY);
    c.putObject("issuer").put("id", issuerDid).put("name", issuerName);
    c.put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString());
    if (validUntil != null) {
      c.put("validUntil", validUntil.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (statusRegistry != null) {
      ObjectNode s = c.putObject("credentialStatus");
      s.put(
          "id",
          RegistryHttp.resolve(
                  statusRegistry,
                  "/lookup/" + statusNamespace + "/" + REVOCATION_REGISTRY + "/" + id)
              .toString());
      s.put("type", "dediregistry");
      s.put("statusPurpose", "revocation");
      s.put(
          "statusListCredential",
          RegistryHttp.resolve(
                  statusRegistry, "/query/" + statusNamespace + "/" + REVOCATION_REGISTRY)
              .toString());
    }
    c.set("credentialSubject", subject.deepCopy());
    return c;
  }

  /**
   * The IRI this issuer gives one of its meters, {@code {issuerDid}:assets:meter:{meterNumber}}, as
   * the ElectricityCredential examples name assets (a resource id must be an IRI for the proof to
   * cover it).
   */
  public String meterIri(String meterNumber) {
    return issuerDid + ":assets:meter:" + meterNumber;
  }

  /**
   * A {@code credentialSubject} with one meter, its sanctioned load and, when not null, the
   * installed solar capacity behind it: what a seller's attestation needs.
   */
  public static ObjectNode subject(
      String subjectId,
      String customerNumber,
      String meterId,
      java.math.BigDecimal sanctionedLoadKw,
      java.math.BigDecimal installedCapacityKw,
      String tariffCategoryCode) {
    return subject(
        subjectId,
        customerNumber,
        meterId,
        null,
        sanctionedLoadKw,
        installedCapacityKw,
        tariffCategoryCode);
  }

  /**
   * As {@link #subject(String, String, String, java.math.BigDecimal, java.math.BigDecimal,
   * String)}, with the meter's number (its {@code serialNumber}) next to its IRI {@code meterId}.
   */
  public static ObjectNode subject(
      String subjectId,
      String customerNumber,
      String meterId,
      String meterNumber,
      java.math.BigDecimal sanctionedLoadKw,
      java.math.BigDecimal installedCapacityKw,
      String tariffCategoryCode) {
    ObjectNode s = Credential.MAPPER.createObjectNode();
    if (subjectId != null) {
      s.put("id", subjectId);
    }
    ObjectNode p = s.putObject("customerProfile");
    p.put("customerNumber", customerNumber);
    var resources = p.putArray("energyResources");
    ObjectNode meter = resources.addObject().put("id", meterId).put("type", "METER");
    if (meterNumber != null) {
      meter.putObject("attributes").put("serialNumber", meterNumber);
    }
    if (installedCapacityKw != null) {
      ObjectNode pv =
          resources.addObject().put("id", meterId + ":solar-pv").put("type", "SOLAR_PV");
      pv.putObject("attributes")
          .putObject("maxExport")
          .put("value", installedCapacityKw)
          .put("unit", "kW");
      pv.putArray("parentResources").add(meterId);
    }
    ObjectNode cp = p.putArray("consumptionProfiles").addObject();
    cp.put("meterId", meterId);
    cp.putObject("sanctionedLoad").put("value", sanctionedLoadKw).put("unit", "kW");
    cp.put("tariffCategoryCode", tariffCategoryCode);
    return s;
  }
}
