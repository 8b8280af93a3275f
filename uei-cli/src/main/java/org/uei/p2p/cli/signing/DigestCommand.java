package org.uei.p2p.cli.signing;

import java.util.concurrent.Callable;
import org.uei.p2p.signing.BodyDigest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code uei digest FILE}: the Beckn body digest of a file's exact bytes. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "Print the Beckn body digest (BLAKE-512=<base64 BLAKE2b-512>) of FILE's exact bytes.")
public final class DigestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The body, byte for byte as sent ('-' for stdin).")
  String file;

  @Override
  public Integer call() {
    byte[] body = InputFiles.read(spec.commandLine(), file);
    spec.commandLine().getOut().println(BodyDigest.header(body));
    return 0;
  }
}
