package org.uei.p2p.cli.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.KeyResolver;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.VerificationResult;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uei verify}: checks a captured Beckn signature header against a body and a public key. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a Beckn signature header (Authorization or X-Gateway-Authorization) over FILE's exact bytes.",
      "Exit 0 and 'valid: ...' when it holds; exit 1 with the reason (EXPIRED, BAD_SIGNATURE, ...) on stderr."
    })
public final class VerifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "B64",
      description = "The signer's Ed25519 public key, base64 of the raw 32 bytes.")
  String publicKey;

  @Option(
      names = "--header",
      required = true,
      paramLabel = "VALUE",
      description = "The header value, e.g. 'Signature keyId=\"...\",...'.")
  String header;

  @Option(
      names = "--sender",
      paramLabel = "S",
      description = "The subscriber the message claims to come from; the keyId must name it.")
  String sender;

  @Option(
      names = "--now",
      paramLabel = "UNIX",
      description = "Check as of this unix time, for old captures (default: now).")
  Long now;

  @Option(
      names = "--skew",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How far in the future created may be (default: ${DEFAULT-VALUE}).")
  long skew;

  @Option(
      names = "--digest",
      paramLabel = "VALUE",
      description = "The sender's Digest header, if one was sent.")
  String digest;

  @Parameters(
      paramLabel = "FILE",
      description = "The body, byte for byte as received ('-' for stdin).")
  String file;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    byte[] key;
    try {
      key = Ed25519PublicKey.fromBase64(publicKey).encoded();
    } catch (KeyFormatException e) {
      throw new CommandLine.ParameterException(cmd, "--public-key: " + e.getMessage());
    }
    if (skew < 0) {
      throw new CommandLine.ParameterException(cmd, "--skew must not be negative");
    }
    byte[] body = InputFiles.read(cmd, file);
    // The one key given stands for whatever keyId the header names; --sender pins the subscriber.
    KeyResolver resolver =
        (subscriberId, uniqueKeyId) -> new ResolvedKey(subscriberId, uniqueKeyId, key);
    Clock clock =
        now != null ? Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC) : Clock.systemUTC();
    BecknVerifier verifier =
        BecknVerifier.builder(resolver)
            .clock(clock)
            .allowedClockSkew(Duration.ofSeconds(skew))
            .build();
    VerificationResult result = verifier.verify(withoutHeaderName(header), body, sender, digest);
    if (result.valid()) {
      cmd.getOut()
          .println(
              "valid: "
                  + result.detail()
                  + ", created "
                  + result.header().created()
                  + ", expires "
                  + result.header().expires());
      cmd.getOut().flush();
      return 0;
    }
    cmd.getErr().println("uei: " + result.status() + ": " + result.detail().replace('\n', ' '));
    cmd.getErr().flush();
    return 1;
  }

  /** Users paste whole header lines ({@code Authorization: Signature ...}); keep only the value. */
  static String withoutHeaderName(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return line;
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-')) {
        return line;
      }
    }
    return line.substring(colon + 1);
  }
}
