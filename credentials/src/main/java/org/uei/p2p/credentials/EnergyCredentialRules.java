package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.credentials.model.Problem;

/**
 * Shape rules of the energy credentials: ElectricityCredential v1.2 (IES) and the DEG energy
 * credentials (utility customer, consumption / generation / storage profile, program enrolment).
 * Only what a verifier relies on is checked; extra members are allowed, as the schemas allow.
 */
final class EnergyCredentialRules {

  /** The ElectricityCredential type. */
  static final String ELECTRICITY = "ElectricityCredential";

  private static final Set<String> POWER_UNITS = Set.of("W", "kW", "MW");

  private EnergyCredentialRules() {}

  static void check(JsonNode c, List<Problem> out) {
    JsonNode type = c.path("type");
    JsonNode s = c.path("credentialSubject");
    if (CredentialValidator.contains(type, ELECTRICITY)) {
      electricity(c, s, out);
    }
    if (CredentialValidator.contains(type, "UtilityCustomerCredential")) {
      required(
          s,
          "$.credentialSubject",
          out,
          "id",
          "consumerNumber",
          "fullName",
          "installationAddress",
          "meterNumber",
          "serviceConnectionDate");
    }
    if (CredentialValidator.contains(type, "ConsumptionProfileCredential")) {
      required(
          s,
          "$.credentialSubject",
          out,
          "id",
          "consumerNumber",
          "fullName",
          "premisesType",
          "connectionType",
          "sanctionedLoadKW",
          "tariffCategoryCode");
      number(s, "$.credentialSubject", "sanctionedLoadKW", out);
    }
    if (CredentialValidator.contains(type, "GenerationProfileCredential")) {
      required(
          s,
          "$.credentialSubject",
          out,
          "id",
          "consumerNumber",
          "generationType",
          "capacityKW",
          "commissioningDate");
      number(s, "$.credentialSubject", "capacityKW", out);
    }
    if (CredentialValidator.contains(type, "StorageProfileCredential")) {
      required(
          s,
          "$.credentialSubject",
          out,
          "id",
          "consumerNumber",
          "storageCapacityKWh",
          "powerRatingKW",
          "commissioningDate");
      number(s, "$.credentialSubject", "storageCapacityKWh", out);
      number(s, "$.credentialSubject", "powerRatingKW", out);
    }
    if (CredentialValidator.contains(type, "UtilityProgramEnrollmentCredential")) {
      required(s, "$.credentialSubject", out, "programName", "programCode", "enrollmentDate");
    }
  }

  private static void electricity(JsonNode c, JsonNode s, List<Problem> out) {
    if (!c.path("id")
        .asText("")
        .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      out.add(Problem.malformed("$.id", "an ElectricityCredential id is a lower-case urn:uuid"));
    }
    if (!c.path("issuer").isObject() || c.path("issuer").path("name").asText("").isBlank()) {
      out.add(
          Problem.malformed(
              "$.issuer.name", "an ElectricityCredential issuer is an object with a name"));
    }
    if (!c.has("validFrom")) {
      out.add(Problem.malformed("$.validFrom", "is required"));
    }
    JsonNode status = c.get("credentialStatus");
    if (status != null && status.isObject()) {
      if (!"dediregistry".equals(status.path("type").asText())) {
        out.add(
            Problem.malformed(
                "$.credentialStatus.type",
                "an ElectricityCredential status is of type dediregistry"));
      }
      required(status, "$.credentialStatus", out, "statusPurpose", "statusListCredential");
    }
    String base = "$.credentialSubject.customerProfile";
    JsonNode p = s.path("customerProfile");
    if (!p.isObject()) {
      out.add(Problem.malformed(base, "is required (an object)"));
      return;
    }
    if (p.path("customerNumber").asText("").isBlank()) {
      out.add(Problem.malformed(base + ".customerNumber", "is required"));
    }
    if (p.has("idRef")) {
      required(p.get("idRef"), base + ".idRef", out, "issuedBy", "subjectId");
    }
    Set<String> meters = new HashSet<>();
    JsonNode resources = p.path("energyResources");
    if (!resources.isArray() || resources.isEmpty()) {
      out.add(
          Problem.malformed(base + ".energyResources", "must list at least one energy resource"));
    } else {
      for (int i = 0; i < resources.size(); i++) {
        JsonNode r = resources.get(i);
        String path = base + ".energyResources[" + i + "]";
        required(r, path, out, "id", "type");
        if ("METER".equals(r.path("type").asText())) {
          meters.add(r.path("id").asText());
        }
        quantities(r.path("attributes"), path + ".attributes", out);
      }
    }
    JsonNode profiles = p.get("consumptionProfiles");
    if (profiles != null) {
      if (!profiles.isArray() || profiles.isEmpty()) {
        out.add(Problem.malformed(base + ".consumptionProfiles", "must be a non-empty array"));
      } else {
        for (int i = 0; i < profiles.size(); i++) {
          JsonNode cp = profiles.get(i);
          String path = base + ".consumptionProfiles[" + i + "]";
          required(cp, path, out, "meterId", "sanctionedLoad", "tariffCategoryCode");
          if (cp.hasNonNull("meterId") && !meters.contains(cp.get("meterId").asText())) {
            out.add(Problem.malformed(path + ".meterId", "names no METER in energyResources"));
          }
          power(cp, path, "sanctionedLoad", out);
          power(cp, path, "contractMaxDemand", out);
          power(cp, path, "sanctionedExportLoad", out);
        }
      }
    }
    JsonNode d = s.get("customerDetails");
    if (d != null) {
      required(
          d,
          "$.credentialSubject.customerDetails",
          out,
          "fullName",
          "installationAddress",
          "serviceConnectionDate");
      if (d.path("installationAddress").isObject()
          && !d.path("installationAddress").path("geo").isObject()) {
        out.add(
            Problem.malformed(
                "$.credentialSubject.customerDetails.installationAddress.geo",
                "is required (GeoJSON)"));
      }
    }
  }

  /** Checks every {value, unit} member of an attribute bag: the value must be a number. */
  private static void quantities(JsonNode attrs, String path, List<Problem> out) {
    attrs
        .properties()
        .iterator()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isObject() && v.has("unit") && v.has("value") && !v.get("value").isNumber()) {
                out.add(Problem.malformed(path + "." + e.getKey() + ".value", "must be a number"));
              }
            });
  }

  private static void power(JsonNode parent, String path, String field, List<Problem> out) {
    JsonNode q = parent.get(field);
    if (q == null) {
      return;
    }
    if (!q.path("value").isNumber() || q.path("value").decimalValue().signum() < 0) {
      out.add(Problem.malformed(path + "." + field + ".value", "must be a non-negative number"));
    }
    if (!POWER_UNITS.contains(q.path("unit").asText())) {
      out.add(Problem.malformed(path + "." + field + ".unit", "must be W, kW or MW"));
    }
  }

  private static void number(JsonNode parent, String path, String field, List<Problem> out) {
    if (parent.has(field) && !parent.get(field).isNumber()) {
      out.add(Problem.malformed(path + "." + field, "must be a number"));
    }
  }

  private static void required(JsonNode parent, String path, List<Problem> out, String... fields) {
    if (!parent.isObject()) {
      out.add(Problem.malformed(path, "must be an object"));
      return;
    }
    for (String f : fields) {
      JsonNode v = parent.get(f);
      if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
        out.add(Problem.malformed(path + "." + f, "is required"));
      }
    }
  }
}
