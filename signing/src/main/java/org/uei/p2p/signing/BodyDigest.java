package org.uei.p2p.signing;

import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The Beckn body digest: BLAKE2b-512 over the exact bytes on the wire, in base64. */
public final class BodyDigest {

  /** The prefix that names the algorithm in the signing string and in {@code Digest} headers. */
  public static final String PREFIX = "BLAKE-512=";

  private BodyDigest() {}

  /** The 64-byte BLAKE2b-512 hash of {@code body[offset, offset + length)}. */
  public static byte[] blake2b512(byte[] body, int offset, int length) {
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(body, offset, length);
    byte[] out = new byte[64];
    digest.doFinal(out, 0);
    return out;
  }

  /** Base64 of the BLAKE2b-512 hash of the whole body, without the prefix. */
  public static String base64(byte[] body) {
    return Base64.getEncoder().encodeToString(blake2b512(body, 0, body.length));
  }

  /** {@code BLAKE-512=<base64>}, as a {@code Digest} header or {@code uei digest} shows it. */
  public static String header(byte[] body) {
    return PREFIX + base64(body);
  }
}
