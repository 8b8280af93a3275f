package org.uei.p2p.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A source of subscriber records: a Beckn 1.x registry, a DeDi directory or a static list.
 *
 * <p>Implementations return what the registry published, including revoked, expired or unsubscribed
 * records: deciding whether a record may be trusted is the caller's job (see {@link
 * Subscriber#unusableReason} and {@link RegistryKeyResolver}).
 */
public interface Registry {

  /**
   * Returns the records matching {@code query}; an empty list when there are none.
   *
   * @throws RegistryException when the registry cannot be asked or gives an unusable answer; the
   *     message names the registry and the query
   */
  List<Subscriber> lookup(LookupQuery query) throws RegistryException;

  /**
   * Like {@link #lookup} but keeps only records whose keys may be trusted at {@code now}; this is
   * what a BAP fans discovery out to, e.g. with {@link LookupQuery#byDomainAndType}.
   */
  default List<Subscriber> lookupActive(LookupQuery query, Instant now) throws RegistryException {
    return lookup(query).stream().filter(s -> s.unusableReason(now).isEmpty()).toList();
  }

  /**
   * The Beckn URL ({@code subscriber_url}) of {@code subscriberId}'s first active record that names
   * one; empty when no active record does.
   */
  default Optional<String> urlOf(String subscriberId, Instant now) throws RegistryException {
    return lookupActive(LookupQuery.bySubscriber(subscriberId), now).stream()
        .map(Subscriber::url)
        .filter(u -> u != null && !u.isBlank())
        .findFirst();
  }

  /** A short name for messages, usually the registry's base URL or file. */
  String name();
}
