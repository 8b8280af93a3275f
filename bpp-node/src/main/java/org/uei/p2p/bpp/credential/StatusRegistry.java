package org.uei.p2p.bpp.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.uei.p2p.node.config.NodeConfig;

/**
 * Where credential revocations are published and looked up: {@code
 * uei.bpp.credentials.status-registry}, else the node's registry unless that is a file.
 */
@ApplicationScoped
public class StatusRegistry {

  @Inject CredentialSettings settings;
  @Inject NodeConfig nodeConfig;

  /** The DeDi registry's base URL, or empty when there is none to ask. */
  public Optional<String> url() {
    if (settings.statusRegistry().isPresent()) {
      return settings.statusRegistry();
    }
    return "file".equals(nodeConfig.registry().type())
        ? Optional.empty()
        : nodeConfig.registry().url();
  }
}
