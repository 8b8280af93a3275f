package org.uei.p2p.credentials.did;

import java.util.Arrays;
import java.util.Base64;

/**
 * The two multibase encodings verifiable credentials use: base58btc (prefix {@code z}) for keys and
 * signatures, base64url without padding (prefix {@code u}) for Bitstring Status Lists.
 */
public final class Multibase {

  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Multibase() {}

  /** {@code z} followed by the base58btc (Bitcoin alphabet) encoding of {@code bytes}. */
  public static String encodeBase58Btc(byte[] bytes) {
    return "z" + base58(bytes);
  }

  /** {@code u} followed by unpadded base64url of {@code bytes}. */
  public static String encodeBase64Url(byte[] bytes) {
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Decodes a multibase string in base58btc ({@code z}) or base64url ({@code u}).
   *
   * @throws IllegalArgumentException naming the problem when the prefix is another base or the text
   *     is not valid
   */
  public static byte[] decode(String text) {
    if (text == null || text.length() < 2) {
      throw new IllegalArgumentException("not a multibase value (empty)");
    }
    char base = text.charAt(0);
    String body = text.substring(1);
    if (base == 'z') {
      return unbase58(body);
    }
    if (base == 'u') {
      try {
        return Base64.getUrlDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not valid multibase base64url: " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(
        "multibase prefix '" + base + "' is not supported (expected z or u)");
  }

  private static String base58(byte[] input) {
    if (input.length == 0) {
      return "";
    }
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] copy = Arrays.copyOf(input, input.length);
    char[] out = new char[input.length * 2];
    int pos = out.length;
    int start = zeros;
    while (start < copy.length) {
      out[--pos] = ALPHABET[divmod(copy, start, 256, 58)];
      if (copy[start] == 0) {
        start++;
      }
    }
    while (pos < out.length && out[pos] == ALPHABET[0]) {
      pos++;
    }
    while (--zeros >= 0) {
      out[--pos] = ALPHABET[0];
    }
    return new String(out, pos, out.length - pos);
  }

  private static byte[] unbase58(String input) {
    byte[] digits = new byte[input.length()];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      int d = c < 128 ? INDEXES[c] : -1;
      if (d < 0) {
        throw new IllegalArgumentException(
            "not valid base58btc: character '" + c + "' at " + (i + 1));
      }
      digits[i] = (byte) d;
    }
    int zeros = 0;
    while (zeros < digits.length && digits[zeros] == 0) {
      zeros++;
    }
    byte[] out = new byte[input.length()];
    int pos = out.length;
    int start = zeros;
    while (start < digits.length) {
      out[--pos] = divmod(digits, start, 58, 256);
      if (digits[start] == 0) {
        start++;
      }
    }
    while (pos < out.length && out[pos] == 0) {
      pos++;
    }
    return Arrays.copyOfRange(out, pos - zeros, out.length);
  }

  /**
   * Divides the big number in {@code n[start..]} (digits in {@code base}) by {@code divisor} in
   * place.
   */
  private static byte divmod(byte[] n, int start, int base, int divisor) {
    int remainder = 0;
    for (int i = start; i < n.length; i++) {
      int digit = n[i] & 0xff;
      int temp = remainder * base + digit;
      n[i] = (byte) (temp / divisor);
      remainder = temp % divisor;
    }
    return (byte) remainder;
  }
}
