package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.credentials.model.Credential;

/**
 * What an ElectricityCredential attests about one meter: the customer, the sanctioned load and the
 * installed solar capacity behind it (the {@code maxExport} of its {@code SOLAR_PV} resource). A
 * seller platform compares it with what a prosumer claims; read it only from a credential that
 * verified.
 *
 * @param customerNumber the DISCOM's customer number
 * @param meterId the meter, as the caller named it
 * @param sanctionedLoadKw sanctioned load of the meter's consumption profile, in kW
 * @param installedCapacityKw installed capacity in kW, empty when the credential names no solar
 *     resource for the meter
 */
public record ElectricityAttestation(
    String customerNumber,
    String meterId,
    BigDecimal sanctionedLoadKw,
    Optional<BigDecimal> installedCapacityKw) {

  /** Requires every field but the capacity. */
  public ElectricityAttestation {
    Objects.requireNonNull(customerNumber, "customerNumber");
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(sanctionedLoadKw, "sanctionedLoadKw");
    Objects.requireNonNull(installedCapacityKw, "installedCapacityKw");
  }

  /**
   * The attestation {@code credential} makes about the meter {@code meter} (its IRI, or its number
   * as the METER resource's {@code serialNumber} states it), or empty when it is not an
   * ElectricityCredential naming that meter in a consumption profile. The attestation's {@code
   * meterId} is the meter as asked.
   */
  public static Optional<ElectricityAttestation> of(Credential credential, String meter) {
    if (!credential.hasType(EnergyCredentialRules.ELECTRICITY)) {
      return Optional.empty();
    }
    JsonNode profile = credential.subject().path("customerProfile");
    Optional<String> iri = meterIri(profile, meter);
    if (iri.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode cp : profile.path("consumptionProfiles")) {
      if (iri.get().equals(cp.path("meterId").asText(null))) {
        Optional<BigDecimal> load = kw(cp.path("sanctionedLoad"));
        if (load.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(
            new ElectricityAttestation(
                profile.path("customerNumber").asText(""),
                meter,
                load.get(),
                capacity(profile, iri.get())));
      }
    }
    return Optional.empty();
  }

  /** The id of the METER resource that is {@code meter} or has it as serial number. */
  private static Optional<String> meterIri(JsonNode profile, String meter) {
    for (JsonNode r : profile.path("energyResources")) {
      if ("METER".equals(r.path("type").asText())
          && (meter.equals(r.path("id").asText())
              || meter.equals(r.path("attributes").path("serialNumber").asText(null)))) {
        return Optional.of(r.path("id").asText());
      }
    }
    return Optional.empty();
  }

  /** The {@code maxExport} of the solar resource whose parent is {@code meterId}. */
  private static Optional<BigDecimal> capacity(JsonNode profile, String meterId) {
    for (JsonNode r : profile.path("energyResources")) {
      if (!"SOLAR_PV".equals(r.path("type").asText())) {
        continue;
      }
      for (JsonNode parent : r.path("parentResources")) {
        if (meterId.equals(parent.asText())) {
          return kw(r.path("attributes").path("maxExport"));
        }
      }
    }
    return Optional.empty();
  }

  /** A {@code {value, unit}} power in kW; kW and W are the units credentials use. */
  private static Optional<BigDecimal> kw(JsonNode quantity) {
    JsonNode v = quantity.get("value");
    if (v == null || !(v.isNumber() || v.isTextual())) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String unit = quantity.path("unit").asText("kW");
    if (unit.equalsIgnoreCase("kW")) {
      return Optional.of(value);
    }
    if (unit.equals("W")) {
      return Optional.of(value.movePointLeft(3));
    }
    return Optional.empty();
  }
}
