package org.uei.p2p.node.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.DediRegistry;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.StaticRegistry;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Builds the registry client, the caching key resolver and the signature verifier from
 * configuration.
 */
@ApplicationScoped
public class RegistryProducer {

  @Produces
  @Singleton
  Registry registry(NodeConfig config) {
    String url =
        config
            .registry()
            .url()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "missing configuration: uei.registry.url (UEI_REGISTRY_URL)"));
    Duration timeout = config.http().requestTimeout();
    return switch (config.registry().type().trim().toLowerCase()) {
      case "beckn" -> BecknRegistry.builder(url).timeout(timeout).build();
      case "dedi" -> DediRegistry.builder(url).timeout(timeout).build();
      case "file" -> StaticRegistry.fromFile(Path.of(url));
      default ->
          throw new IllegalStateException(
              "uei.registry.type must be beckn, dedi or file, not '"
                  + config.registry().type()
                  + "'");
    };
  }

  @Produces
  @Singleton
  RegistryKeyResolver keyResolver(Registry registry, NodeConfig config) {
    return RegistryKeyResolver.builder(registry).positiveTtl(config.registry().cacheTtl()).build();
  }

  @Produces
  @Singleton
  BecknVerifier verifier(RegistryKeyResolver resolver) {
    return BecknVerifier.of(resolver);
  }
}
