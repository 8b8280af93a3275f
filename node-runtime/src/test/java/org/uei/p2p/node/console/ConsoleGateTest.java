package org.uei.p2p.node.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What keeps a console from starting, and the password and role rules, without a node. */
class ConsoleGateTest {

  private static ConsoleConfig config(boolean enabled, Map<String, ConsoleConfig.User> users) {
    return new ConsoleConfig() {
      @Override
      public boolean enabled() {
        return enabled;
      }

      @Override
      public Map<String, ConsoleConfig.User> users() {
        return users;
      }
    };
  }

  private static ConsoleConfig.User user(String hash, String role) {
    return new ConsoleConfig.User() {
      @Override
      public String passwordHash() {
        return hash;
      }

      @Override
      public String role() {
        return role;
      }
    };
  }

  @Test
  void anOffConsoleNeedsNothingAndAnOnConsoleNeedsUsableUsers() {
    assertEquals(List.of(), ConsoleGate.problems(config(false, Map.of())));
    assertEquals(1, ConsoleGate.problems(config(true, Map.of())).size());
    String hash = PasswordHashes.hash("s3cret".toCharArray());
    assertEquals(
        List.of(), ConsoleGate.problems(config(true, Map.of("ops", user(hash, "operator")))));
    List<String> problems =
        ConsoleGate.problems(
            config(true, Map.of("ops", user("s3cret", "operator"), "eve", user(hash, "admin"))));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("ops.password-hash is not a bcrypt")));
    assertTrue(problems.stream().anyMatch(p -> p.contains("eve.role")));
    assertFalse(String.join(" ", problems).contains("s3cret"), "a pasted password is not echoed");
  }

  @Test
  void passwordsMatchTheirHashOnlyAndRolesNest() {
    String hash = PasswordHashes.hash("correct horse".toCharArray());
    assertTrue(PasswordHashes.isBcrypt(hash));
    assertTrue(PasswordHashes.matches(hash, "correct horse".toCharArray()));
    assertFalse(PasswordHashes.matches(hash, "correct hors".toCharArray()));
    assertFalse(PasswordHashes.matches(null, "correct horse".toCharArray()));
    assertEquals(Set.of(ConsoleRoles.VIEWER), ConsoleRoles.of("viewer"));
    assertEquals(Set.of(ConsoleRoles.VIEWER, ConsoleRoles.OPERATOR), ConsoleRoles.of(" Operator "));
    assertThrows(IllegalArgumentException.class, () -> ConsoleRoles.of("root"));
  }
}
