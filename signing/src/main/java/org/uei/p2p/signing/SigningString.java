package org.uei.p2p.signing;

import java.nio.charset.StandardCharsets;

/** Builds the bytes that Beckn signatures cover; one place, so signer and verifier cannot drift. */
final class SigningString {

  /** The {@code headers} list of a request signature (three lines). */
  static final String REQUEST_HEADERS = "(created) (expires) digest";

  /** The {@code headers} list of a signature chained to a request signature (four lines). */
  static final String CHAINED_HEADERS = "(created) (expires) digest request-signature";

  private SigningString() {}

  /**
   * {@code (created): c\n(expires): e\ndigest: BLAKE-512=d}, plus {@code \nrequest-signature: r}
   * when {@code requestSignature} is not null; no trailing newline.
   */
  static byte[] of(long created, long expires, String digestBase64, String requestSignature) {
    StringBuilder sb = new StringBuilder(requestSignature == null ? 160 : 260);
    sb.append("(created): ")
        .append(created)
        .append("\n(expires): ")
        .append(expires)
        .append("\ndigest: ")
        .append(BodyDigest.PREFIX)
        .append(digestBase64);
    if (requestSignature != null) {
      sb.append("\nrequest-signature: ").append(requestSignature);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
