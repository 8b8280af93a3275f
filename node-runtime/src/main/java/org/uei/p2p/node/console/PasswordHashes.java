package org.uei.p2p.node.console;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt password hashes, as {@code htpasswd -B} and most password tools write them. */
public final class PasswordHashes {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

  /**
   * Checked when nobody by the given name exists, so that an unknown name costs as much time as a
   * wrong password and does not tell which names exist.
   */
  private static final String DECOY =
      OpenBSDBCrypt.generate(
          "decoy".toCharArray(), "uei-console-salt".getBytes(StandardCharsets.US_ASCII), 10);

  private PasswordHashes() {}

  /** Whether {@code hash} looks like a bcrypt hash (and not, say, a password pasted by mistake). */
  public static boolean isBcrypt(String hash) {
    return hash != null && BCRYPT.matcher(hash).matches();
  }

  /** Whether {@code password} matches {@code hash}; a null hash is checked against a decoy. */
  public static boolean matches(String hash, char[] password) {
    if (hash == null || !isBcrypt(hash)) {
      OpenBSDBCrypt.checkPassword(DECOY, password);
      return false;
    }
    return OpenBSDBCrypt.checkPassword(hash, password);
  }

  /** A new bcrypt hash of {@code password} with a random salt and cost 12. */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", password, salt, 12);
  }
}
