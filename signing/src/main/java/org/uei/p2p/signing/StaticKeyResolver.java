package org.uei.p2p.signing;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link KeyResolver} over a fixed set of keys, for tests, tools and closed deployments that
 * configure their counterparties' keys by hand. Immutable and thread-safe.
 */
public final class StaticKeyResolver implements KeyResolver {

  private final Map<String, ResolvedKey> keys;

  private StaticKeyResolver(Map<String, ResolvedKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** A resolver that knows exactly {@code keys}. */
  public static StaticKeyResolver of(ResolvedKey... keys) {
    Builder b = builder();
    for (ResolvedKey k : keys) {
      b.add(k);
    }
    return b.build();
  }

  /** Starts an empty key set. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ResolvedKey resolve(String subscriberId, String uniqueKeyId)
      throws KeyResolutionException {
    ResolvedKey key = keys.get(subscriberId + '|' + uniqueKeyId);
    if (key == null) {
      throw new KeyResolutionException(
          KeyResolutionException.Kind.UNKNOWN_KEY,
          "no key configured for " + subscriberId + "|" + uniqueKeyId);
    }
    return key;
  }

  /** Collects keys for a {@link StaticKeyResolver}. */
  public static final class Builder {
    private final Map<String, ResolvedKey> keys = new HashMap<>();

    private Builder() {}

    /** Adds or replaces the key for its subscriber and unique key id. */
    public Builder add(ResolvedKey key) {
      keys.put(key.subscriberId() + '|' + key.uniqueKeyId(), key);
      return this;
    }

    /** Adds a key given in the registry's base64 form. */
    public Builder add(String subscriberId, String uniqueKeyId, String base64PublicKey) {
      return add(ResolvedKey.ofBase64(subscriberId, uniqueKeyId, base64PublicKey));
    }

    public StaticKeyResolver build() {
      return new StaticKeyResolver(keys);
    }
  }
}
