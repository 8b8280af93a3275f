package org.uei.p2p.conformance;

import java.io.IOException;

/**
 * Called once the kit's listener is bound and before its first request: the moment to register the
 * kit's URL in a registry, so that a fast target never finds a URL nobody listens on.
 */
@FunctionalInterface
public interface WhenListening {

  /** Does nothing: the kit was registered beforehand. */
  WhenListening NOTHING = url -> {};

  /**
   * @param kitUrl the kit's URL as the target reaches it
   */
  void ready(String kitUrl) throws IOException, InterruptedException;
}
