package org.uei.p2p.registry;

/**
 * A registry could not be asked or gave an unusable answer (down, timeout, 5xx, refusal, malformed
 * reply). The message is one line that names the registry and what was looked up.
 */
public class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
