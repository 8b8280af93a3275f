package org.uei.p2p.cli.signing;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.KeyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uei sign}: the Beckn {@code Authorization} header value for a file's exact bytes. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Print the Beckn Authorization header value signing FILE's exact bytes.")
public final class SignCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--private-key",
      required = true,
      paramLabel = "B64",
      description = "Ed25519 private key, base64: 32-byte seed or 64-byte seed+public.")
  String privateKey;

  @Option(
      names = "--subscriber-id",
      required = true,
      paramLabel = "S",
      description = "Your subscriber id.")
  String subscriberId;

  @Option(
      names = "--key-id",
      required = true,
      paramLabel = "K",
      description = "Your unique key id in the registry.")
  String keyId;

  @Option(
      names = "--created",
      paramLabel = "N",
      description = "created, unix seconds (default: now).")
  Long created;

  @Option(
      names = "--expires",
      paramLabel = "N",
      description = "expires, unix seconds (default: created + 300).")
  Long expires;

  @Parameters(
      paramLabel = "FILE",
      description = "The body, byte for byte as it will be sent ('-' for stdin).")
  String file;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    Ed25519KeyPair key;
    try {
      key = Ed25519KeyPair.fromPrivateKeyBase64(privateKey);
    } catch (KeyFormatException e) {
      throw new CommandLine.ParameterException(cmd, "--private-key: " + e.getMessage());
    }
    long c = created != null ? created : Clock.systemUTC().instant().getEpochSecond();
    long x = expires != null ? expires : c + BecknSigner.DEFAULT_VALIDITY.toSeconds();
    if (c < 0 || x < c) {
      throw new CommandLine.ParameterException(
          cmd, "--expires (" + x + ") must not be before --created (" + c + ")");
    }
    BecknSigner signer;
    try {
      signer = BecknSigner.of(subscriberId, keyId, key);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    byte[] body = InputFiles.read(cmd, file);
    cmd.getOut().println(signer.authorization(body, c, x));
    cmd.getOut().flush();
    return 0;
  }
}
