package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.Problem;

/**
 * Structure checks of a credential, each problem with its JSON path: the VC Data Model (2.0, and
 * 1.1 for older DEG credentials), the status entry, the proof, and the energy credential shapes
 * ({@link EnergyCredentialRules}). Stateless and thread-safe.
 */
public final class CredentialValidator {

  /** The VC Data Model 2.0 base context. */
  public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

  /** The VC Data Model 1.1 base context, still used by the DEG energy credential examples. */
  public static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";

  private static final Set<String> STATUS_PURPOSES = Set.of("revocation", "suspension");

  private CredentialValidator() {}

  /** All structure problems of {@code credential}; empty when it is well formed. */
  public static List<Problem> validate(JsonNode credential) {
    List<Problem> out = new ArrayList<>();
    if (credential == null || !credential.isObject()) {
      out.add(Problem.malformed("$", "a credential is a JSON object"));
      return out;
    }
    boolean v2 = context(credential, out);
    JsonNode type = credential.get("type");
    if (type == null || !type.isArray() || !contains(type, "VerifiableCredential")) {
      out.add(Problem.malformed("$.type", "must be an array containing \"VerifiableCredential\""));
    }
    if (credential.has("id") && !isIri(credential.get("id"))) {
      out.add(Problem.malformed("$.id", "must be a URI"));
    }
    issuer(credential.get("issuer"), out);
    if (v2) {
      dateTime(credential, "validFrom", false, out);
      dateTime(credential, "validUntil", false, out);
    } else {
      dateTime(credential, "issuanceDate", true, out);
      dateTime(credential, "expirationDate", false, out);
    }
    JsonNode subject = credential.get("credentialSubject");
    if (subject == null || !(subject.isObject() || subject.isArray() && subject.size() > 0)) {
      out.add(
          Problem.malformed(
              "$.credentialSubject", "must be an object (or a non-empty array of objects)"));
    }
    JsonNode status = credential.get("credentialStatus");
    if (status != null) {
      if (status.isArray()) {
        for (int i = 0; i < status.size(); i++) {
          status(status.get(i), "$.credentialStatus[" + i + "]", out);
        }
      } else {
        status(status, "$.credentialStatus", out);
      }
    }
    if (credential.has("proof")) {
      proof(credential.get("proof"), out);
    }
    EnergyCredentialRules.check(credential, out);
    return List.copyOf(out);
  }

  /** Checks {@code @context}; returns true for a VC 2.0 credential. */
  private static boolean context(JsonNode credential, List<Problem> out) {
    JsonNode ctx = credential.get("@context");
    if (ctx == null || !ctx.isArray() || ctx.isEmpty()) {
      out.add(Problem.malformed("$['@context']", "must be an array starting with " + VC_V2));
      return true;
    }
    String first = ctx.get(0).asText();
    if (!first.equals(VC_V2) && !first.equals(VC_V1)) {
      out.add(
          Problem.malformed(
              "$['@context'][0]", "must be " + VC_V2 + " (or " + VC_V1 + "), not '" + first + "'"));
    }
    return !first.equals(VC_V1);
  }

  private static void issuer(JsonNode issuer, List<Problem> out) {
    if (issuer == null) {
      out.add(Problem.malformed("$.issuer", "is required"));
    } else if (issuer.isObject()) {
      if (!isIri(issuer.get("id"))) {
        out.add(Problem.malformed("$.issuer.id", "must be the issuer's URI (a DID)"));
      }
    } else if (!isIri(issuer)) {
      out.add(Problem.malformed("$.issuer", "must be a URI or an object with an id"));
    }
  }

  private static void dateTime(JsonNode parent, String field, boolean required, List<Problem> out) {
    JsonNode v = parent.get(field);
    if (v == null) {
      if (required) {
        out.add(Problem.malformed("$." + field, "is required"));
      }
      return;
    }
    if (Credential.instant(v).isEmpty()) {
      out.add(
          Problem.malformed(
              "$." + field, "must be a date-time with offset, e.g. 2026-01-01T00:00:00Z"));
    }
  }

  private static void status(JsonNode s, String path, List<Problem> out) {
    if (!s.isObject()) {
      out.add(Problem.malformed(path, "must be an object"));
      return;
    }
    String type = s.path("type").asText("");
    if (type.isEmpty()) {
      out.add(Problem.malformed(path + ".type", "is required"));
    }
    if (s.has("statusPurpose")
        && !STATUS_PURPOSES.contains(s.get("statusPurpose").asText())
        && !type.equals("BitstringStatusListEntry")) {
      out.add(Problem.malformed(path + ".statusPurpose", "must be revocation or suspension"));
    }
    if (type.equals("dediregistry") || type.equals("dedi")) {
      // The DEG credentials carry only id and type; ElectricityCredential asks for more
      // (EnergyCredentialRules).
      if (!isIri(s.get("id"))) {
        out.add(Problem.malformed(path + ".id", "must be the DeDi lookup URL"));
      }
      if (s.has("statusListCredential") && !isIri(s.get("statusListCredential"))) {
        out.add(Problem.malformed(path + ".statusListCredential", "must be a URI"));
      }
    } else if (type.equals("BitstringStatusListEntry")) {
      if (!s.path("statusListIndex").asText("").matches("[0-9]+")) {
        out.add(
            Problem.malformed(
                path + ".statusListIndex", "must be a non-negative integer as a string"));
      }
      if (!isIri(s.get("statusListCredential"))) {
        out.add(Problem.malformed(path + ".statusListCredential", "must be a URL"));
      }
      if (!s.hasNonNull("statusPurpose")) {
        out.add(Problem.malformed(path + ".statusPurpose", "is required"));
      }
    }
  }

  private static void proof(JsonNode proof, List<Problem> out) {
    if (!proof.isObject()) {
      out.add(Problem.malformed("$.proof", "must be one proof object"));
      return;
    }
    for (String f : List.of("type", "verificationMethod", "proofPurpose", "proofValue")) {
      if (!proof.path(f).isTextual() || proof.get(f).asText().isBlank()) {
        out.add(Problem.malformed("$.proof." + f, "is required"));
      }
    }
    if (proof.has("created") && Credential.instant(proof.get("created")).isEmpty()) {
      out.add(Problem.malformed("$.proof.created", "must be a date-time with offset"));
    }
  }

  static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** An absolute IRI: a scheme, a colon and something after it. */
  static boolean isIri(JsonNode n) {
    return n != null && n.isTextual() && n.asText().matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
  }
}
