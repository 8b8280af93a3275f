package org.uei.p2p.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What to look up: any subset of the subscription fields; {@code null} means "any".
 *
 * @param subscriberId the subscriber id, or {@code null}
 * @param uniqueKeyId the key id, or {@code null}
 * @param type the role, or {@code null}
 * @param domain the network domain, or {@code null}
 * @param city the city code, or {@code null}
 * @param country the country code, or {@code null}
 */
public record LookupQuery(
    String subscriberId,
    String uniqueKeyId,
    SubscriberType type,
    String domain,
    String city,
    String country) {

  /** The record a verifier needs: one subscriber's one key. */
  public static LookupQuery byKey(String subscriberId, String uniqueKeyId) {
    return new LookupQuery(subscriberId, uniqueKeyId, null, null, null, null);
  }

  /** Every record of one subscriber, all keys and domains. */
  public static LookupQuery bySubscriber(String subscriberId) {
    return new LookupQuery(subscriberId, null, null, null, null, null);
  }

  /** Every subscriber of one role in one domain, e.g. all BPPs a BAP fans discovery out to. */
  public static LookupQuery byDomainAndType(String domain, SubscriberType type) {
    return new LookupQuery(null, null, type, domain, null, null);
  }

  /**
   * Whether {@code s} satisfies every field this query sets; text compares exactly, city/country
   * ignore case.
   */
  public boolean matches(Subscriber s) {
    return eq(subscriberId, s.subscriberId())
        && eq(uniqueKeyId, s.uniqueKeyId())
        && (type == null || type == s.type())
        && eq(domain, s.domain())
        && (city == null || city.equalsIgnoreCase(s.city()))
        && (country == null || country.equalsIgnoreCase(s.country()));
  }

  /**
   * The query's set fields for error messages, e.g. {@code subscriber_id=bap.example
   * unique_key_id=k1}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "subscriber_id", subscriberId);
    add(parts, "unique_key_id", uniqueKeyId);
    add(parts, "type", type == null ? null : type.name());
    add(parts, "domain", domain);
    add(parts, "city", city);
    add(parts, "country", country);
    return parts.isEmpty() ? "all subscribers" : String.join(" ", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null) {
      parts.add(name + "=" + value);
    }
  }

  private static boolean eq(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
