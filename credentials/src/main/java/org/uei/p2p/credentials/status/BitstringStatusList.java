package org.uei.p2p.credentials.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.uei.p2p.credentials.did.Multibase;

/**
 * A W3C Bitstring Status List: bit {@code i} (counting from the most significant bit of the first
 * byte) set means the credential with {@code statusListIndex} i has the list's status purpose.
 * Encoded as multibase base64url of the GZIP-compressed bits. Immutable.
 */
public final class BitstringStatusList {

  /** The minimum list length the specification asks for (16 KiB), for herd privacy. */
  public static final int MIN_BITS = 131_072;

  /** Largest list this library decodes, against decompression bombs. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private final byte[] bits;

  private BitstringStatusList(byte[] bits) {
    this.bits = bits;
  }

  /** An all-clear list of at least {@link #MIN_BITS} bits. */
  public static BitstringStatusList create(int size) {
    int bitCount = Math.max(size, MIN_BITS);
    return new BitstringStatusList(new byte[(bitCount + 7) / 8]);
  }

  /**
   * Decodes an {@code encodedList}.
   *
   * @throws IllegalArgumentException when it is not multibase base64url of GZIP data
   */
  public static BitstringStatusList decode(String encodedList) {
    byte[] gz = Multibase.decode(encodedList);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] bits = in.readNBytes(MAX_BYTES + 1);
      if (bits.length > MAX_BYTES) {
        throw new IllegalArgumentException("status list larger than " + MAX_BYTES + " bytes");
      }
      return new BitstringStatusList(bits);
    } catch (IOException e) {
      throw new IllegalArgumentException("encodedList is not GZIP data: " + e.getMessage(), e);
    }
  }

  /** The {@code encodedList} value. */
  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Multibase.encodeBase64Url(out.toByteArray());
  }

  /** How many entries the list holds. */
  public int size() {
    return bits.length * 8;
  }

  /**
   * Whether bit {@code index} is set.
   *
   * @throws IndexOutOfBoundsException when the list is shorter
   */
  public boolean get(int index) {
    check(index);
    return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  /** A copy with bit {@code index} set to {@code value}. */
  public BitstringStatusList with(int index, boolean value) {
    check(index);
    byte[] copy = bits.clone();
    int mask = 0x80 >>> (index % 8);
    copy[index / 8] = (byte) (value ? copy[index / 8] | mask : copy[index / 8] & ~mask);
    return new BitstringStatusList(copy);
  }

  private void check(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "status list index " + index + " outside 0.." + (size() - 1));
    }
  }
}
