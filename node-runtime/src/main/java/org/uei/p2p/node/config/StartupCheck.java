package org.uei.p2p.node.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the start with one clear line when mandatory configuration is missing or unusable, and
 * warns loudly when signature verification is switched off or the store is in memory.
 */
@ApplicationScoped
public class StartupCheck {

  @Inject NodeConfig config;
  @Inject Instance<NodeIdentity> identity;
  @Inject Instance<InstanceId> instance;

  void onStart(@Observes StartupEvent event) {
    String missing = MissingConfiguration.message(config);
    if (missing != null) {
      stop(missing);
      return;
    }
    try {
      NodeIdentity id = identity.get();
      Log.infof(
          "node %s (key %s, public key %s) in domain %s at %s, instance %s",
          id.subscriberId(),
          id.keyId(),
          id.publicKeyBase64(),
          id.domain(),
          id.publicUrl(),
          instance.get().value());
    } catch (RuntimeException e) {
      stop(rootMessage(e));
      return;
    }
    String store =
        MemoryStore.refusal(
            config.store(),
            ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElse(null));
    if (store != null) {
      stop(store);
      return;
    }
    if (MemoryStore.isMemory(config.store())) {
      Log.warn(
          "!!! uei.store=memory: the node's database is in memory. Everything it ACKs, stores and"
              + " logs is lost when it stops. For measuring only, never production. !!!");
    }
    if (config.testing().insecureSkipSignatureVerification()) {
      Log.warn(
          "!!! uei.testing.insecure-skip-signature-verification=true: inbound signatures are NOT"
              + " checked. Anyone can impersonate any participant. Use only for conformance negative controls. !!!");
    }
  }

  private static void stop(String line) {
    Log.error("uei: " + line);
    System.err.println("uei: " + line);
    Quarkus.asyncExit(78);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
