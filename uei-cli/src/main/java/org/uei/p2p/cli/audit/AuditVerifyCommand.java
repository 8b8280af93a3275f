package org.uei.p2p.cli.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei audit verify --export FILE --public-key B64}: recomputes a whole log dump without
 * trusting the node that wrote it, and names the first bad index.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Recompute every leaf and root of an exported audit log, check every signed tree head with the",
        "node's public key and the consistency between consecutive heads. Exit 0 when the log holds;",
        "1 with the first bad index on stderr when it does not; 2 when the file cannot be read."})
public final class AuditVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--export", required = true, paramLabel = "FILE",
      description = "An audit log export (format uei-audit-log/1).")
  Path export;

  @Option(names = "--public-key", required = true, paramLabel = "B64",
      description = "The node's Ed25519 public key (base64 of the raw 32 bytes, as in the registry).")
  String publicKey;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.fromBase64(publicKey);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--public-key: " + e.getMessage());
    }
    VerificationReport report;
    try (InputStream in = Files.newInputStream(export)) {
      report = new LogVerifier(key).verify(in);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(cmd, "no such file: " + export);
    } catch (IOException | RuntimeException e) {
      throw new CommandLine.ParameterException(cmd, "cannot read the export " + export + ": " + e.getMessage());
    }
    if (!report.ok()) {
      cmd.getErr().println("uei: audit log NOT verified: " + report.problem()
          + (report.firstBadIndex() >= 0 ? " at index " + report.firstBadIndex() : "") + ": " + report.message());
      return 1;
    }
    cmd.getOut().println("audit log verified: " + report.entriesChecked() + " entries, "
        + report.treeHeadsChecked() + " signed tree heads"
        + (report.unsignedEntries() > 0 ? ", " + report.unsignedEntries() + " entries after the last signed head" : ""));
    return 0;
  }
}
