package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.uei.p2p.model.discovery.DiscoverFilter;

/**
 * The wave-2 catalogs each seller platform published, kept whole per seller (a publish replaces the
 * seller's earlier catalogs), and discover over them: the offers still valid that a buyer's filter
 * matches, judged by the same {@link DiscoverFilter} a seller platform uses when it answers
 * discover itself. Bounded in sellers and in the offers one answer carries. Thread-safe.
 */
public final class CatalogIndex {

  /** Most sellers indexed. */
  public static final int MAX_SELLERS = 1000;

  /** Most offers one discover answer carries; the rest of a large result is left out. */
  public static final int MAX_ANSWER_OFFERS = 500;

  /** What {@link #replace} did. */
  public enum Outcome {
    /** The seller's catalogs are now these. */
    REPLACED,
    /** A publish made later is indexed already; this one changed nothing. */
    STALE,
    /** The seller is new and the index holds {@link #MAX_SELLERS}; nothing changed. */
    FULL
  }

  private record Published(Instant at, List<ObjectNode> catalogs) {}

  private final Map<String, Published> bySeller = new TreeMap<>();

  /**
   * Makes {@code catalogs} the catalogs of {@code bppId}, unless a publish of a later {@code
   * publishedAt} (its context timestamp) is indexed: an outbox may deliver an older publish after a
   * newer one, and it must not bring back energy that was sold since.
   */
  public synchronized Outcome replace(
      String bppId, Instant publishedAt, List<ObjectNode> catalogs) {
    Published now = bySeller.get(bppId);
    if (now != null && now.at().isAfter(publishedAt)) {
      return Outcome.STALE;
    }
    if (now == null && bySeller.size() >= MAX_SELLERS) {
      return Outcome.FULL;
    }
    List<ObjectNode> copies = new ArrayList<>();
    catalogs.forEach(c -> copies.add(c.deepCopy()));
    bySeller.put(bppId, new Published(publishedAt, List.copyOf(copies)));
    return Outcome.REPLACED;
  }

  /** How many offers {@code bppId} has indexed. */
  public synchronized int offers(String bppId) {
    Published p = bySeller.get(bppId);
    return p == null ? 0 : p.catalogs().stream().mapToInt(c -> c.path("offers").size()).sum();
  }

  /**
   * The catalogs, each cut down to its offers that are valid at {@code now} and match {@code
   * filter}, and the resources those offers name; catalogs left without offers are left out.
   */
  public synchronized List<ObjectNode> discover(DiscoverFilter filter, Instant now) {
    List<ObjectNode> out = new ArrayList<>();
    int room = MAX_ANSWER_OFFERS;
    for (Published p : bySeller.values()) {
      for (ObjectNode catalog : p.catalogs()) {
        if (room == 0) {
          return out;
        }
        ObjectNode cut = catalog.deepCopy();
        ArrayNode offers = cut.putArray("offers");
        Set<String> named = new HashSet<>();
        for (JsonNode offer : catalog.path("offers")) {
          if (room > 0 && stillValid(offer, now) && filter.matches(offer, offer)) {
            offers.add(offer.deepCopy());
            offer.path("resourceIds").forEach(r -> named.add(r.asText()));
            room--;
          }
        }
        if (offers.isEmpty()) {
          continue;
        }
        ArrayNode resources = cut.putArray("resources");
        for (JsonNode r : catalog.path("resources")) {
          if (named.contains(r.path("id").asText())) {
            resources.add(r.deepCopy());
          }
        }
        out.add(cut);
      }
    }
    return out;
  }

  /** An offer whose validity window has ended is gone; one without a window stays. */
  private static boolean stillValid(JsonNode offer, Instant now) {
    JsonNode end = offer.path("offerAttributes").path("validityWindow").path("schema:endTime");
    if (!end.isTextual()) {
      return true;
    }
    try {
      return OffsetDateTime.parse(end.asText().toUpperCase(Locale.ROOT)).toInstant().isAfter(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
