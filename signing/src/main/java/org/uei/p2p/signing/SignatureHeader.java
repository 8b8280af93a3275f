package org.uei.p2p.signing;

import java.util.Base64;
import java.util.Map;

/**
 * One Beckn signature header value ({@code Authorization}, {@code X-Gateway-Authorization} or the
 * {@code Signature} header of a signed response), parsed or about to be sent. Immutable.
 *
 * <p>{@link #format()} writes the exact form every Beckn implementation emits: {@code Signature
 * keyId="{subscriber_id}|{unique_key_id}|ed25519",algorithm="ed25519",created="…",
 * expires="…",headers="(created) (expires) digest",signature="…"}.
 */
public final class SignatureHeader {

  /** The only algorithm Beckn uses. */
  public static final String ALGORITHM = "ed25519";

  private final String subscriberId;
  private final String uniqueKeyId;
  private final long created;
  private final long expires;
  private final String headers;
  private final String signature;
  private final byte[] signatureBytes;

  SignatureHeader(
      String subscriberId,
      String uniqueKeyId,
      long created,
      long expires,
      String headers,
      byte[] signatureBytes) {
    this(
        subscriberId,
        uniqueKeyId,
        created,
        expires,
        headers,
        Base64.getEncoder().encodeToString(signatureBytes),
        signatureBytes);
  }

  private SignatureHeader(
      String subscriberId,
      String uniqueKeyId,
      long created,
      long expires,
      String headers,
      String signature,
      byte[] signatureBytes) {
    this.subscriberId = subscriberId;
    this.uniqueKeyId = uniqueKeyId;
    this.created = created;
    this.expires = expires;
    this.headers = headers;
    this.signature = signature;
    this.signatureBytes = signatureBytes;
  }

  /**
   * Reads a header value. Checks its form only (required attributes present, keyId of three parts,
   * algorithm ed25519, numeric times, a 64-byte base64 signature); whether it is valid for a body
   * is {@link BecknVerifier}'s job. An absent {@code headers} attribute is taken as the three-line
   * default.
   *
   * @throws SignatureHeaderException naming the part that is wrong
   */
  public static SignatureHeader parse(String value) throws SignatureHeaderException {
    if (value == null || value.isBlank()) {
      throw new SignatureHeaderException("no signature header");
    }
    Map<String, String> a = HeaderParser.attributes(value);
    String keyId = required(a, "keyid");
    int last = keyId.lastIndexOf('|');
    int middle = last <= 0 ? -1 : keyId.lastIndexOf('|', last - 1);
    if (middle <= 0 || middle + 1 == last || last + 1 == keyId.length()) {
      throw new SignatureHeaderException(
          "keyId '" + keyId + "' is not {subscriber_id}|{unique_key_id}|ed25519");
    }
    String keyAlgorithm = keyId.substring(last + 1);
    if (!ALGORITHM.equalsIgnoreCase(keyAlgorithm)) {
      throw new SignatureHeaderException(
          "keyId names algorithm '" + keyAlgorithm + "'; only ed25519 is supported");
    }
    String algorithm = a.get("algorithm");
    if (algorithm != null && !ALGORITHM.equalsIgnoreCase(algorithm)) {
      throw new SignatureHeaderException(
          "algorithm '" + algorithm + "' is not supported; only ed25519");
    }
    long created = seconds(a, "created");
    long expires = seconds(a, "expires");
    if (expires < created) {
      throw new SignatureHeaderException(
          "expires (" + expires + ") is before created (" + created + ")");
    }
    String headers = a.get("headers");
    headers = headers == null ? SigningString.REQUEST_HEADERS : normalizeSpaces(headers);
    String signature = required(a, "signature");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new SignatureHeaderException("signature is not valid base64");
    }
    if (bytes.length != 64) {
      throw new SignatureHeaderException(
          "signature has " + bytes.length + " bytes; an Ed25519 signature has 64");
    }
    // The decoder ignores the unused low bits of the last character; insisting on the canonical
    // text keeps one signature from having several spellings (a response chains to the text).
    if (!Base64.getEncoder().encodeToString(bytes).equals(signature)) {
      throw new SignatureHeaderException("signature is not in canonical base64");
    }
    return new SignatureHeader(
        keyId.substring(0, middle),
        keyId.substring(middle + 1, last),
        created,
        expires,
        headers,
        signature,
        bytes);
  }

  private static String required(Map<String, String> a, String name)
      throws SignatureHeaderException {
    String v = a.get(name);
    if (v == null || v.isEmpty()) {
      throw new SignatureHeaderException((name.equals("keyid") ? "keyId" : name) + " is missing");
    }
    return v;
  }

  private static long seconds(Map<String, String> a, String name) throws SignatureHeaderException {
    String v = required(a, name);
    if (v.length() > 12) {
      throw new SignatureHeaderException(name + " '" + v + "' is not a unix time in seconds");
    }
    long result = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new SignatureHeaderException(name + " '" + v + "' is not a unix time in seconds");
      }
      result = result * 10 + (c - '0');
    }
    if (v.length() > 1 && v.charAt(0) == '0') {
      throw new SignatureHeaderException(name + " '" + v + "' has leading zeros");
    }
    return result;
  }

  /**
   * Lower case, runs of whitespace collapsed to one space, trimmed; the common case returns as is.
   */
  private static String normalizeSpaces(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pendingSpace = sb.length() > 0;
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    String normalized = sb.toString();
    return normalized.equals(SigningString.REQUEST_HEADERS)
        ? SigningString.REQUEST_HEADERS
        : normalized;
  }

  /** The header value, exactly as Beckn implementations write it. */
  public String format() {
    StringBuilder sb = new StringBuilder(220 + subscriberId.length() + uniqueKeyId.length());
    return sb.append("Signature keyId=\"")
        .append(keyId())
        .append("\",algorithm=\"")
        .append(ALGORITHM)
        .append("\",created=\"")
        .append(created)
        .append("\",expires=\"")
        .append(expires)
        .append("\",headers=\"")
        .append(headers)
        .append("\",signature=\"")
        .append(signature)
        .append('"')
        .toString();
  }

  /** {@code {subscriber_id}|{unique_key_id}|ed25519}. */
  public String keyId() {
    return subscriberId + '|' + uniqueKeyId + '|' + ALGORITHM;
  }

  /** The signer's subscriber id, first part of {@code keyId}. */
  public String subscriberId() {
    return subscriberId;
  }

  /** The signer's unique key id, middle part of {@code keyId}. */
  public String uniqueKeyId() {
    return uniqueKeyId;
  }

  /** {@code created}, unix seconds. */
  public long created() {
    return created;
  }

  /** {@code expires}, unix seconds. */
  public long expires() {
    return expires;
  }

  /** The {@code headers} list, single-spaced, e.g. {@code (created) (expires) digest}. */
  public String headers() {
    return headers;
  }

  /** The signature in base64, as it appears in the header; a signed response echoes it. */
  public String signature() {
    return signature;
  }

  /** The 64 signature bytes. */
  public byte[] signatureBytes() {
    return signatureBytes.clone();
  }

  byte[] signatureBytesUnsafe() {
    return signatureBytes;
  }

  @Override
  public String toString() {
    return format();
  }
}
