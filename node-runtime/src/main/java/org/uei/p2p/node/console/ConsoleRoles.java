package org.uei.p2p.node.console;

import java.util.Locale;
import java.util.Set;

/** The console's two roles: who may look, and who may also act. */
public final class ConsoleRoles {

  /** Reads every console page. */
  public static final String VIEWER = "console-viewer";

  /** Reads every page and may act (retry a callback). */
  public static final String OPERATOR = "console-operator";

  private ConsoleRoles() {}

  /**
   * The roles a configured role name grants; an operator is a viewer too.
   *
   * @throws IllegalArgumentException for a name other than {@code viewer} or {@code operator}
   */
  public static Set<String> of(String configured) {
    return switch (configured.trim().toLowerCase(Locale.ROOT)) {
      case "viewer" -> Set.of(VIEWER);
      case "operator" -> Set.of(VIEWER, OPERATOR);
      default ->
          throw new IllegalArgumentException(
              "a console user's role is viewer or operator, not '" + configured + "'");
    };
  }
}
