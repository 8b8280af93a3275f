package org.uei.p2p.market.meter;

import java.util.Arrays;

/**
 * An open-addressing map from short ASCII byte ranges to values, looked up in place so that a row's
 * field needs no {@code String} once its value is known. An MDMS batch names the same few thousand
 * meters and block starts over and over; this keeps one entry per distinct text. When it holds
 * {@code maxSize} entries it starts empty again, which only costs lookups.
 */
final class AsciiKeyCache<V> {
  private final int maxSize;
  private byte[][] keys = new byte[1024][];
  private Object[] values = new Object[1024];
  private int size;

  AsciiKeyCache(int maxSize) {
    this.maxSize = maxSize;
  }

  /** The value stored for {@code bytes[from, to)}, or null. */
  @SuppressWarnings("unchecked")
  V get(byte[] bytes, int from, int to) {
    int mask = keys.length - 1;
    for (int slot = hash(bytes, from, to) & mask; ; slot = (slot + 1) & mask) {
      byte[] key = keys[slot];
      if (key == null) {
        return null;
      }
      if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
        return (V) values[slot];
      }
    }
  }

  /** Stores {@code value} for {@code bytes[from, to)}, which must not be present yet. */
  void put(byte[] bytes, int from, int to, V value) {
    if (size >= maxSize) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(Arrays.copyOfRange(bytes, from, to), value);
    size++;
  }

  private void insert(byte[] key, Object value) {
    int mask = keys.length - 1;
    int slot = hash(key, 0, key.length) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    Object[] oldValues = values;
    keys = new byte[oldKeys.length * 2][];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  /**
   * Ids like {@code DER-000123} differ in their last digits, so a plain polynomial hash puts them
   * in neighbouring slots and linear probing then walks long runs; the multiply by the golden ratio
   * and the top bits spread them.
   */
  private static int hash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
