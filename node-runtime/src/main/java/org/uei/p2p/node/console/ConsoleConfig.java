package org.uei.p2p.node.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;

/**
 * {@code uei.console.*}: whether the node serves its operator console at {@code /console}, and who
 * may sign in. Off unless configured; when on, every page asks for one of the configured users.
 */
@ConfigMapping(prefix = "uei.console")
public interface ConsoleConfig {

  /** Serve the console; false answers 404 on every console path, as if it did not exist. */
  @WithDefault("false")
  boolean enabled();

  /**
   * The console's users by login name, e.g. {@code uei.console.users.ops.password-hash=$2b$12$...}
   * and {@code uei.console.users.ops.role=operator}.
   */
  Map<String, User> users();

  /** One console user. */
  interface User {
    /**
     * The bcrypt hash of the user's password ({@code $2a$}, {@code $2b$} or {@code $2y$}, as {@code
     * htpasswd -nbBC 12 user password} prints after the colon); the password itself is never
     * configured.
     */
    @WithName("password-hash")
    String passwordHash();

    /** {@code viewer} (reads every page) or {@code operator} (also retries callbacks). */
    @WithDefault("viewer")
    String role();
  }
}
