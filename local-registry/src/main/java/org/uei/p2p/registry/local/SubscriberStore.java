package org.uei.p2p.registry.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.StaticRegistry;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;

/**
 * The local registry's records, one per (subscriber id, key id, domain), optionally persisted.
 *
 * <p>Every change rewrites {@code subscribers.json} in the data directory through a temporary file
 * and an atomic rename, so a crash leaves either the old or the new file, never half of one.
 */
public final class SubscriberStore {

  /** The file the records live in, inside the data directory. */
  public static final String FILE_NAME = "subscribers.json";

  private final Path file;
  private final Map<String, Subscriber> records = new LinkedHashMap<>();

  /**
   * @param dataDir where to persist, created if absent; {@code null} keeps records in memory only
   * @throws IllegalArgumentException when the existing file cannot be read
   */
  public SubscriberStore(Path dataDir) {
    this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
    if (file != null && Files.exists(file)) {
      StaticRegistry.readFile(file).forEach(s -> records.put(key(s), s));
    }
  }

  /** Adds or replaces records (same subscriber, key id and domain) and persists once. */
  public synchronized void putAll(List<Subscriber> subscribers) {
    subscribers.forEach(s -> records.put(key(s), s));
    persist();
  }

  /** Adds or replaces one record. */
  public void put(Subscriber s) {
    putAll(List.of(s));
  }

  /**
   * Marks every record of {@code subscriberId} with {@code uniqueKeyId} revoked; records stay
   * listed so that lookups can say the key is revoked rather than unknown.
   *
   * @return how many records were revoked
   */
  public synchronized int revoke(String subscriberId, String uniqueKeyId) {
    int n = 0;
    for (Map.Entry<String, Subscriber> e : records.entrySet()) {
      Subscriber s = e.getValue();
      if (s.subscriberId().equals(subscriberId)
          && s.uniqueKeyId().equals(uniqueKeyId)
          && !s.revoked()) {
        e.setValue(s.toBuilder().revoked(true).build());
        n++;
      }
    }
    if (n > 0) {
      persist();
    }
    return n;
  }

  /** The records matching {@code query}, in insertion order. */
  public synchronized List<Subscriber> lookup(LookupQuery query) {
    List<Subscriber> out = new ArrayList<>();
    for (Subscriber s : records.values()) {
      if (query.matches(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** How many records there are. */
  public synchronized int size() {
    return records.size();
  }

  private void persist() {
    if (file == null) {
      return;
    }
    try {
      AtomicFiles.write(
          file,
          SubscriberJson.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(SubscriberJson.writeList(new ArrayList<>(records.values()))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("subscriber records always serialize", e);
    }
  }

  private static String key(Subscriber s) {
    return s.subscriberId()
        + "|"
        + s.uniqueKeyId()
        + "|"
        + Objects.requireNonNullElse(s.domain(), "");
  }
}
