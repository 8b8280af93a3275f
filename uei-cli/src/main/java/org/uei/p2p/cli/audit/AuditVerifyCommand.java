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
 * {@code uei audit verify (--export FILE | --node URL) (--public-key B64 | --registry URL
 * --subscriber-id S)}: recomputes a whole log dump without trusting the node that wrote it, and
 * names the first bad index.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
        "Recompute every leaf and root of an audit log export (a file, or downloaded from a running node),",
        "check every signed tree head with the node's public key (given, or looked up in the registry) and",
        "the consistency between consecutive heads. Exit 0 when the log holds; 1 with the first bad index",
        "on stderr when it does not; 2 when the export or the key cannot be had."})
public final class AuditVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--export", paramLabel = "FILE", description = "An audit log export (format uei-audit-log/1).")
  Path export;

  @Option(names = "--node", paramLabel = "URL",
      description = "A node's base URL: has it sign a current tree head, then downloads and checks {URL}/audit/export.")
  String node;

  @Option(names = "--public-key", paramLabel = "B64",
      description = "The node's Ed25519 public key (base64 of the raw 32 bytes, as in the registry).")
  String publicKey;

  @Option(names = "--registry", paramLabel = "URL",
      description = "Instead of --public-key: look the node's key up in this Beckn registry (with --subscriber-id).")
  String registry;

  @Option(names = "--subscriber-id", paramLabel = "S", description = "The node's subscriber id, for --registry.")
  String subscriberId;

  @Option(names = "--key-id", paramLabel = "K",
      description = "The node's unique key id, for --registry; needed only when it has several keys.")
  String keyId;

  @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "30000",
      description = "How long the node and the registry may take (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    if ((export == null) == (node == null)) {
      throw new CommandLine.ParameterException(cmd, "give exactly one of --export FILE and --node URL");
    }
    if (timeoutMs <= 0) {
      throw new CommandLine.ParameterException(cmd, "--timeout-ms must be positive");
    }
    Ed25519PublicKey key = NodeKeys.resolve(cmd, publicKey, registry, subscriberId, keyId, timeoutMs);
    VerificationReport report;
    if (export != null) {
      try (InputStream in = Files.newInputStream(export)) {
        report = new LogVerifier(key).verify(in);
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(cmd, "no such file: " + export);
      } catch (IOException | RuntimeException e) {
        throw new CommandLine.ParameterException(cmd, "cannot read the export " + export + ": " + e.getMessage());
      }
    } else {
      report = new NodeAuditClient(cmd, node, timeoutMs).verifyExport(key);
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
