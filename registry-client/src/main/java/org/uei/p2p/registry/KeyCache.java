package org.uei.p2p.registry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map of lookup outcomes, least recently used evicted first. An entry is either a record
 * (positive) or the reason there is none (negative), each with its own expiry.
 */
final class KeyCache {

  /** One cached outcome; exactly one of {@code subscriber} and {@code refusal} is set. */
  record Entry(Subscriber subscriber, String refusal, Instant expiresAt) {
    boolean freshAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }

  private final Map<String, Entry> entries;

  KeyCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("a key cache needs room for at least one entry");
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, Entry entry) {
    entries.put(key, entry);
  }

  synchronized void remove(String key) {
    entries.remove(key);
  }

  synchronized int size() {
    return entries.size();
  }
}
