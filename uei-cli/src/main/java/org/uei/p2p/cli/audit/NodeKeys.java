package org.uei.p2p.cli.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import picocli.CommandLine;

/**
 * The public key a node signs its tree heads with: given on the command line, or from the registry.
 */
final class NodeKeys {

  private NodeKeys() {}

  static Ed25519PublicKey resolve(
      CommandLine cmd,
      String publicKey,
      String registryUrl,
      String subscriberId,
      String keyId,
      long timeoutMs) {
    if ((publicKey == null) == (registryUrl == null)) {
      throw new CommandLine.ParameterException(
          cmd, "give exactly one of --public-key B64 and --registry URL");
    }
    String base64 =
        publicKey != null ? publicKey : lookUp(cmd, registryUrl, subscriberId, keyId, timeoutMs);
    try {
      return Ed25519PublicKey.fromBase64(base64);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          cmd,
          (publicKey != null ? "--public-key: " : "registry key of " + subscriberId + ": ")
              + e.getMessage());
    }
  }

  private static String lookUp(
      CommandLine cmd, String registryUrl, String subscriberId, String keyId, long timeoutMs) {
    if (subscriberId == null) {
      throw new CommandLine.ParameterException(cmd, "--registry needs --subscriber-id");
    }
    Registry registry;
    try {
      registry = BecknRegistry.builder(registryUrl).timeout(Duration.ofMillis(timeoutMs)).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--registry: " + e.getMessage());
    }
    try {
      if (keyId != null) {
        return RegistryKeyResolver.of(registry)
            .resolveSubscriber(subscriberId, keyId)
            .signingPublicKey();
      }
      Instant now = Instant.now();
      List<String> keys =
          registry.lookup(new LookupQuery(subscriberId, null, null, null, null, null)).stream()
              .filter(s -> s.unusableReason(now).isEmpty())
              .map(Subscriber::signingPublicKey)
              .distinct()
              .toList();
      if (keys.size() != 1) {
        throw new IllegalStateException(
            keys.isEmpty()
                ? "registry " + registry.name() + " has no usable key for " + subscriberId
                : subscriberId
                    + " has "
                    + keys.size()
                    + " keys in the registry; name one with --key-id");
      }
      return keys.get(0);
    } catch (KeyResolutionException | RegistryException e) {
      throw new IllegalStateException(
          "registry lookup of " + subscriberId + " failed: " + e.getMessage(), e);
    }
  }
}
