package org.uei.p2p.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.KeyResolutionException.Kind;
import org.uei.p2p.signing.KeyResolver;
import org.uei.p2p.signing.ResolvedKey;

/**
 * Resolves signing keys through a {@link Registry}, refusing records that must not be trusted and
 * caching outcomes.
 *
 * <p>A record is refused ({@link Kind#UNKNOWN_KEY}) when it is revoked, not SUBSCRIBED or outside
 * its validity; registry failures are {@link Kind#REGISTRY_UNAVAILABLE} with a message naming the
 * registry and the key. Found records are cached for the positive TTL, refusals for the (shorter)
 * negative TTL. While a cached record is fresh the registry is not asked, so a registry outage is
 * invisible until the TTL ends; after that the outage is reported. {@link #refresh} always asks.
 */
public final class RegistryKeyResolver implements KeyResolver {

  private final Registry registry;
  private final Duration positiveTtl;
  private final Duration negativeTtl;
  private final Clock clock;
  private final KeyCache cache;

  private RegistryKeyResolver(Builder b) {
    this.registry = Objects.requireNonNull(b.registry, "registry");
    this.positiveTtl = b.positiveTtl;
    this.negativeTtl = b.negativeTtl;
    this.clock = b.clock;
    this.cache = new KeyCache(b.maxEntries);
  }

  /** A resolver over {@code registry} with default cache settings. */
  public static RegistryKeyResolver of(Registry registry) {
    return builder(registry).build();
  }

  /** A builder for a resolver over {@code registry}. */
  public static Builder builder(Registry registry) {
    return new Builder(registry);
  }

  @Override
  public ResolvedKey resolve(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    return toKey(resolveSubscriber(subscriberId, uniqueKeyId));
  }

  @Override
  public ResolvedKey refresh(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    return toKey(refreshSubscriber(subscriberId, uniqueKeyId));
  }

  /** Like {@link #resolve} but returns the whole record (url, type, domain, validity). */
  public Subscriber resolveSubscriber(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    String key = cacheKey(subscriberId, uniqueKeyId);
    Instant now = clock.instant();
    KeyCache.Entry cached = cache.get(key);
    if (cached != null && cached.freshAt(now)) {
      if (cached.refusal() != null) {
        throw new KeyResolutionException(Kind.UNKNOWN_KEY, cached.refusal());
      }
      // A fresh record whose validity ended meanwhile is asked again: the subscriber may have
      // renewed it.
      if (cached.subscriber().unusableReason(now).isEmpty()) {
        return cached.subscriber();
      }
    }
    return fetch(key, subscriberId, uniqueKeyId, now);
  }

  /** Like {@link #refresh} but returns the whole record. */
  public Subscriber refreshSubscriber(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    return fetch(cacheKey(subscriberId, uniqueKeyId), subscriberId, uniqueKeyId, clock.instant());
  }

  /** Forgets what is cached for one key, e.g. after an operator revoked it out of band. */
  public void invalidate(String subscriberId, String uniqueKeyId) {
    cache.remove(cacheKey(subscriberId, uniqueKeyId));
  }

  /** The number of cached outcomes, positive and negative. */
  public int cachedEntries() {
    return cache.size();
  }

  private Subscriber fetch(String key, String subscriberId, String uniqueKeyId, Instant now)
      throws KeyResolutionException {
    List<Subscriber> found;
    try {
      found = registry.lookup(LookupQuery.byKey(subscriberId, uniqueKeyId));
    } catch (RegistryException e) {
      throw new KeyResolutionException(
          Kind.REGISTRY_UNAVAILABLE,
          "cannot resolve key " + subscriberId + "|" + uniqueKeyId + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw new KeyResolutionException(
          Kind.REGISTRY_UNAVAILABLE,
          "cannot resolve key "
              + subscriberId
              + "|"
              + uniqueKeyId
              + ": registry "
              + registry.name()
              + " failed: "
              + e.getMessage(),
          e);
    }
    if (found.isEmpty()) {
      return refuse(
          key,
          "registry " + registry.name() + " has no key " + subscriberId + "|" + uniqueKeyId,
          now);
    }
    String firstReason = null;
    for (Subscriber s : found) {
      Optional<String> reason = s.unusableReason(now);
      if (reason.isEmpty()) {
        cache.put(key, new KeyCache.Entry(s, null, now.plus(positiveTtl)));
        return s;
      }
      if (firstReason == null) {
        firstReason = reason.get();
      }
    }
    return refuse(key, "registry " + registry.name() + ": " + firstReason, now);
  }

  private Subscriber refuse(String key, String reason, Instant now) throws KeyResolutionException {
    cache.put(key, new KeyCache.Entry(null, reason, now.plus(negativeTtl)));
    throw new KeyResolutionException(Kind.UNKNOWN_KEY, reason);
  }

  private static ResolvedKey toKey(Subscriber s) {
    return ResolvedKey.ofBase64(s.subscriberId(), s.uniqueKeyId(), s.signingPublicKey());
  }

  private static String cacheKey(String subscriberId, String uniqueKeyId) {
    return Objects.requireNonNull(subscriberId, "subscriberId")
        + "|"
        + Objects.requireNonNull(uniqueKeyId, "uniqueKeyId");
  }

  /** Configures a {@link RegistryKeyResolver}. */
  public static final class Builder {
    private final Registry registry;
    private Duration positiveTtl = Duration.ofMinutes(5);
    private Duration negativeTtl = Duration.ofSeconds(30);
    private int maxEntries = 10_000;
    private Clock clock = Clock.systemUTC();

    private Builder(Registry registry) {
      this.registry = registry;
    }

    /** How long a found record is used without asking the registry; default 5 minutes. */
    public Builder positiveTtl(Duration ttl) {
      this.positiveTtl = requirePositive(ttl, "positiveTtl");
      return this;
    }

    /** How long a refusal (unknown, revoked...) is remembered; default 30 seconds. */
    public Builder negativeTtl(Duration ttl) {
      this.negativeTtl = requirePositive(ttl, "negativeTtl");
      return this;
    }

    /**
     * How many outcomes the cache holds before evicting the least recently used; default 10,000.
     */
    public Builder maxEntries(int max) {
      this.maxEntries = max;
      return this;
    }

    /** The clock for TTLs and validity; tests pass a controllable one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RegistryKeyResolver build() {
      return new RegistryKeyResolver(this);
    }

    private static Duration requirePositive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration");
      }
      return d;
    }
  }
}
