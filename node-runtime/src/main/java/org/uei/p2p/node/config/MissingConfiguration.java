package org.uei.p2p.node.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the mandatory settings a node lacks, so that start-up fails with one line naming all of
 * them (with their environment-variable names) rather than one failure per restart.
 */
public final class MissingConfiguration {

  private MissingConfiguration() {}

  /** The missing settings as {@code uei.x (UEI_X)}; empty when the node can start. */
  public static List<String> of(NodeConfig config) {
    List<String> missing = new ArrayList<>();
    require(missing, config.subscriberId().isPresent(), "uei.subscriber-id");
    require(missing, config.keyId().isPresent(), "uei.key-id");
    require(
        missing,
        config.privateKey().isPresent() || config.privateKeyFile().isPresent(),
        "uei.private-key or uei.private-key-file");
    require(missing, config.domain().isPresent(), "uei.domain");
    require(missing, config.publicUrl().isPresent(), "uei.public-url");
    require(missing, config.registry().url().isPresent(), "uei.registry.url");
    return missing;
  }

  /** One line for the operator, or null when nothing is missing. */
  public static String message(NodeConfig config) {
    List<String> missing = of(config);
    if (missing.isEmpty()) {
      return null;
    }
    return "missing configuration: " + String.join(", ", missing);
  }

  private static void require(List<String> missing, boolean present, String names) {
    if (!present) {
      StringBuilder withEnv = new StringBuilder(names).append(" (");
      String[] alternatives = names.split(" or ");
      for (int i = 0; i < alternatives.length; i++) {
        if (i > 0) {
          withEnv.append(" or ");
        }
        withEnv.append(alternatives[i].toUpperCase().replace('.', '_').replace('-', '_'));
      }
      missing.add(withEnv.append(')').toString());
    }
  }
}
