package org.uei.p2p.credentials.did;

import java.util.Map;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/** Ready-made resolvers: local did:key and did:jwk, plus a chosen did:web resolver. */
public final class DidResolvers {

  private DidResolvers() {}

  /** did:key and did:jwk only; no network. */
  public static DidResolver local() {
    return byMethod(null);
  }

  /**
   * did:key and did:jwk locally; did:web through {@code web} (a {@link DidWebResolver} or a {@link
   * RegistryDidResolver}).
   */
  public static DidResolver withWeb(DidResolver web) {
    return byMethod(web);
  }

  /** A resolver that always answers {@code key}; for tests and for a pinned issuer key. */
  public static DidResolver fixed(Ed25519PublicKey key) {
    return vm -> key;
  }

  private static DidResolver byMethod(DidResolver web) {
    Map<String, DidResolver> methods =
        web == null
            ? Map.of(DidKey.PREFIX, DidKey::resolve, DidJwk.PREFIX, DidJwk::resolve)
            : Map.of(
                DidKey.PREFIX,
                DidKey::resolve,
                DidJwk.PREFIX,
                DidJwk::resolve,
                DidWebResolver.PREFIX,
                web);
    return vm -> {
      if (vm == null || !vm.startsWith("did:")) {
        throw new DidResolutionException(
            DidResolutionException.Kind.MALFORMED,
            "verification method '" + vm + "' is not a DID URL");
      }
      for (Map.Entry<String, DidResolver> e : methods.entrySet()) {
        if (vm.startsWith(e.getKey())) {
          return e.getValue().resolve(vm);
        }
      }
      throw new DidResolutionException(
          DidResolutionException.Kind.UNSUPPORTED_METHOD,
          "DID method of '"
              + vm
              + "' is not supported (did:key, did:jwk"
              + (web == null ? "" : ", did:web")
              + ")");
    };
  }
}
