package org.uei.p2p.credentials.model;

/** Why a credential was refused. Each value names one cause an operator can act on. */
public enum Reason {
  /** The JSON is not a credential of the expected shape; the problem names the JSON path. */
  MALFORMED,
  /** The proof type, cryptosuite or JWS algorithm is not one this library verifies. */
  UNSUPPORTED_SUITE,
  /**
   * The proof cannot be a valid signature: its value is not a well-formed Ed25519 signature, or its
   * options (purpose, verification method, creation time) are not acceptable.
   */
  BAD_PROOF,
  /**
   * The signature is well formed but does not match the credential as presented: a claim, the
   * status entry or the signature itself was changed after signing.
   */
  TAMPERED,
  /** The issuer's DID or key cannot be resolved, or the issuer is not a trusted issuer. */
  UNKNOWN_ISSUER,
  /** The proof was made with a key that does not belong to the credential's issuer. */
  ISSUER_MISMATCH,
  /** The issuer is trusted, but not as an issuer of this kind of credential (e.g. not a DISCOM). */
  WRONG_ISSUER_TYPE,
  /** The credential's {@code validFrom} is in the future. */
  NOT_YET_VALID,
  /** The credential's {@code validUntil} has passed. */
  EXPIRED,
  /** The issuer revoked the credential. */
  REVOKED,
  /** The issuer suspended the credential. */
  SUSPENDED,
  /**
   * The credential's status could not be checked: registry unreachable, unsupported status type,
   * bad list.
   */
  STATUS_UNAVAILABLE
}
