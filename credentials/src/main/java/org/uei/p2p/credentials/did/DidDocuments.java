package org.uei.p2p.credentials.did;

import com.fasterxml.jackson.databind.JsonNode;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;

/**
 * Picks an Ed25519 assertion key out of a DID document (Multikey, Ed25519VerificationKey2020,
 * JsonWebKey).
 */
final class DidDocuments {

  private DidDocuments() {}

  static Ed25519PublicKey assertionKey(JsonNode doc, String did, String vmUrl)
      throws DidResolutionException {
    String fragment = DidResolver.fragmentOf(vmUrl);
    if (fragment == null) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED,
          "verification method '" + vmUrl + "' names no key (#fragment)");
    }
    JsonNode vm = null;
    for (JsonNode m : doc.path("verificationMethod")) {
      if (matches(m.path("id").asText(), did, fragment)) {
        vm = m;
      }
    }
    if (vm == null) {
      throw new DidResolutionException(
          DidResolutionException.Kind.NOT_FOUND,
          "DID document of " + did + " has no verification method #" + fragment);
    }
    JsonNode assertion = doc.get("assertionMethod");
    if (assertion != null && assertion.isArray()) {
      boolean listed = false;
      for (JsonNode a : assertion) {
        String id = a.isTextual() ? a.asText() : a.path("id").asText();
        listed |= matches(id, did, fragment);
      }
      if (!listed) {
        throw new DidResolutionException(
            DidResolutionException.Kind.NOT_FOUND,
            "key #"
                + fragment
                + " of "
                + did
                + " is not an assertion method: it may not sign credentials");
      }
    }
    if (vm.hasNonNull("publicKeyMultibase")) {
      return DidKey.fromMultibase(vm.get("publicKeyMultibase").asText());
    }
    if (vm.has("publicKeyJwk")) {
      try {
        return Ed25519PublicKey.fromJwk(vm.get("publicKeyJwk").toString());
      } catch (KeyFormatException e) {
        throw new DidResolutionException(
            DidResolutionException.Kind.UNSUPPORTED_KEY,
            did + "#" + fragment + ": " + e.getMessage());
      }
    }
    throw new DidResolutionException(
        DidResolutionException.Kind.UNSUPPORTED_KEY,
        did + "#" + fragment + " has neither publicKeyMultibase nor publicKeyJwk");
  }

  private static boolean matches(String id, String did, String fragment) {
    return id.equals(did + "#" + fragment) || id.equals("#" + fragment);
  }
}
