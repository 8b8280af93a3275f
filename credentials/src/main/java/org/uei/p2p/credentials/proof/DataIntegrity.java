package org.uei.p2p.credentials.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.uei.p2p.credentials.did.Multibase;
import org.uei.p2p.credentials.jsonld.BundledContexts;
import org.uei.p2p.credentials.jsonld.Canonicalizer;
import org.uei.p2p.credentials.jsonld.Canonicalizer.CanonicalizationException;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Data Integrity proofs with Ed25519 over RDFC-1.0 ({@link ProofSuite}): both suites sign
 * SHA-256(canonical proof configuration) ‖ SHA-256(canonical document), where the proof
 * configuration is the proof without {@code proofValue} under the document's {@code @context}, and
 * encode the signature as multibase base58btc. Thread-safe.
 */
public final class DataIntegrity {

  private final Canonicalizer canonicalizer;

  /** Canonicalises with {@code contexts} only. */
  public DataIntegrity(BundledContexts contexts) {
    this.canonicalizer = new Canonicalizer(contexts);
  }

  /** Over the library's bundled contexts. */
  public static DataIntegrity withBundledContexts() {
    return new DataIntegrity(BundledContexts.defaults());
  }

  /**
   * Adds a proof to {@code unsecured} (which must have no proof) and returns the secured copy. For
   * Ed25519Signature2020 the suite context is appended to {@code @context} when missing, as the
   * suite's terms must be defined for the proof to canonicalise.
   *
   * @throws CanonicalizationException when the document is not canonicalisable JSON-LD
   */
  public ObjectNode sign(
      ObjectNode unsecured,
      ProofSuite suite,
      Ed25519KeyPair key,
      String verificationMethod,
      Instant created)
      throws CanonicalizationException {
    if (unsecured.has("proof")) {
      throw new IllegalArgumentException("the document already has a proof");
    }
    ObjectNode document = unsecured.deepCopy();
    if (suite == ProofSuite.ED25519_SIGNATURE_2020) {
      addContext(document, BundledContexts.ED25519_2020);
    }
    ObjectNode proof = document.objectNode();
    proof.put("type", suite.proofType());
    if (suite.cryptosuite() != null) {
      proof.put("cryptosuite", suite.cryptosuite());
    }
    proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
    proof.put("verificationMethod", verificationMethod);
    proof.put("proofPurpose", "assertionMethod");
    byte[] signature = key.sign(hashData(document, proof));
    proof.put("proofValue", Multibase.encodeBase58Btc(signature));
    document.set("proof", proof);
    return document;
  }

  /**
   * The bytes both suites sign for {@code unsecured} (without proof) and {@code proof} (whose
   * {@code proofValue} and {@code @context} are ignored): SHA-256 of the canonical proof
   * configuration, then SHA-256 of the canonical document.
   */
  public byte[] hashData(ObjectNode unsecured, JsonNode proof) throws CanonicalizationException {
    ObjectNode config = proof.deepCopy();
    config.remove("proofValue");
    config.remove("@context");
    ObjectNode withContext = config.objectNode();
    if (unsecured.has("@context")) {
      withContext.set("@context", unsecured.get("@context").deepCopy());
    }
    withContext.setAll(config);
    ObjectNode doc = unsecured.deepCopy();
    doc.remove("proof");
    byte[] proofHash = sha256(canonicalizer.canonicalize(withContext));
    byte[] docHash = sha256(canonicalizer.canonicalize(doc));
    byte[] out = new byte[64];
    System.arraycopy(proofHash, 0, out, 0, 32);
    System.arraycopy(docHash, 0, out, 32, 32);
    return out;
  }

  /**
   * Checks the signature of {@code secured}'s proof with {@code key}.
   *
   * @return {@link Check#VALID}, {@link Check#MALFORMED_SIGNATURE} when {@code proofValue} is not a
   *     multibase-encoded 64-byte signature, or {@link Check#MISMATCH} when it does not sign this
   *     content
   * @throws CanonicalizationException when the document is not canonicalisable JSON-LD
   */
  public Check verify(ObjectNode secured, Ed25519PublicKey key) throws CanonicalizationException {
    JsonNode proof = secured.get("proof");
    byte[] signature;
    try {
      signature = Multibase.decode(proof.path("proofValue").asText());
    } catch (IllegalArgumentException e) {
      return Check.MALFORMED_SIGNATURE;
    }
    if (signature.length != 64 || proof.path("proofValue").asText().charAt(0) != 'z') {
      return Check.MALFORMED_SIGNATURE;
    }
    ObjectNode unsecured = secured.deepCopy();
    unsecured.remove("proof");
    return key.verify(hashData(unsecured, proof), signature) ? Check.VALID : Check.MISMATCH;
  }

  /** The canonical N-Quads of {@code document}, for diagnostics and independent checks. */
  public String canonicalForm(JsonNode document) throws CanonicalizationException {
    return canonicalizer.canonicalize(document);
  }

  /** What a signature check found. */
  public enum Check {
    /** The signature signs this content with this key. */
    VALID,
    /** {@code proofValue} is not a base58btc multibase 64-byte Ed25519 signature. */
    MALFORMED_SIGNATURE,
    /** A well-formed signature that does not match this content and key. */
    MISMATCH
  }

  private static void addContext(ObjectNode document, String url) {
    JsonNode ctx = document.get("@context");
    ArrayNode list;
    if (ctx == null) {
      list = document.putArray("@context");
    } else if (ctx.isArray()) {
      list = (ArrayNode) ctx;
    } else {
      list = document.arrayNode().add(ctx);
      document.set("@context", list);
    }
    for (JsonNode c : list) {
      if (c.isTextual() && c.asText().equals(url)) {
        return;
      }
    }
    list.add(url);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
