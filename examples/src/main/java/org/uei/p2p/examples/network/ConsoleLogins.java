package org.uei.p2p.examples.network;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The demo's console logins: a viewer and an operator, with passwords made afresh for each run (the
 * nodes only ever see their bcrypt hashes).
 */
public final class ConsoleLogins {

  /** One login. */
  public record Login(String user, String password, String role) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Login> logins;
  private final List<String> hashes;

  /** Makes the two logins and hashes their passwords. */
  public ConsoleLogins() {
    logins =
        List.of(
            new Login("viewer", password(), "viewer"),
            new Login("operator", password(), "operator"));
    hashes = logins.stream().map(l -> hash(l.password())).toList();
  }

  /** The logins, viewer first. */
  public List<Login> logins() {
    return logins;
  }

  /** The login of {@code role} ({@code viewer} or {@code operator}). */
  public Login of(String role) {
    return logins.stream().filter(l -> l.role().equals(role)).findFirst().orElseThrow();
  }

  /** Turns the console on in a node's configuration, with these logins. */
  public void configure(Properties p) {
    p.setProperty("uei.console.enabled", "true");
    for (int i = 0; i < logins.size(); i++) {
      Login l = logins.get(i);
      p.setProperty("uei.console.users." + l.user() + ".password-hash", hashes.get(i));
      p.setProperty("uei.console.users." + l.user() + ".role", l.role());
    }
  }

  private static String password() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, 10);
  }
}
