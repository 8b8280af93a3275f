package org.uei.p2p.market.policy.config;

/**
 * A policy configuration file that cannot be used. The message is one line naming the file, the
 * line and key at fault, and what is wrong, e.g. {@code ies-networks.json line 14,
 * environments.production.networkIds[0]: expected a string, found 42}.
 */
public final class PolicyConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An error with its one-line message. */
  public PolicyConfigException(String message) {
    super(message);
  }

  /** An error with its one-line message and the parser's exception. */
  public PolicyConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
