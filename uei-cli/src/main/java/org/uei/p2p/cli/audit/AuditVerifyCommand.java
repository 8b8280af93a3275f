package org.uei.p2p.cli.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.verify.KnownHead;
import org.uei.p2p.audit.verify.KnownHeadFile;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.audit.verify.VerificationReport.Problem;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei audit verify (--export FILE | --node URL) (--public-key B64 | --registry URL
 * --subscriber-id S)}: recomputes a whole log dump without trusting the node that wrote it, checks
 * it extends every signed head known from elsewhere, and names the first bad index or the head.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every leaf and root of an audit log export (a file, or downloaded from a running node),",
      "check every signed tree head with the node's public key (given, or looked up in the registry) and",
      "the consistency between consecutive heads. With --node, the log must also extend the head the node",
      "signs now (checked with the node's consistency proofs too), and always every head of --known-sth:",
      "a log cut back or rewritten below a head already handed out fails, naming that head. A log no",
      "signed head covers fails unless --allow-unsigned. Exit 0 when the log holds; 1 with the first bad",
      "index or head on stderr when it does not; 2 when the export, a head file or the key cannot be had."
    })
public final class AuditVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--export",
      paramLabel = "FILE",
      description = "An audit log export (format uei-audit-log/1).")
  Path export;

  @Option(
      names = "--node",
      paramLabel = "URL",
      description =
          "A node's base URL: has it sign a current tree head, then downloads and checks {URL}/audit/export.")
  String node;

  @Option(
      names = "--public-key",
      paramLabel = "B64",
      description =
          "The node's Ed25519 public key (base64 of the raw 32 bytes, as in the registry).")
  String publicKey;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description =
          "Instead of --public-key: look the node's key up in this Beckn registry (with --subscriber-id).")
  String registry;

  @Option(
      names = "--subscriber-id",
      paramLabel = "S",
      description =
          "The node's subscriber id, for --registry; also picks its anchors out of an /audit/anchors file.")
  String subscriberId;

  @Option(
      names = "--key-id",
      paramLabel = "K",
      description =
          "The node's unique key id, for --registry; needed only when it has several keys.")
  String keyId;

  @Option(
      names = "--known-sth",
      paramLabel = "FILE",
      description = {
        "Signed tree heads of this node seen before (repeatable): a file written by --save-sth, the",
        "JSON of GET /audit/sth, JWS strings one per line, an earlier export, or a counterparty's",
        "GET /audit/anchors?transaction_id=T answer (the anchors it holds from this node)."
      })
  List<Path> knownSth = new ArrayList<>();

  @Option(
      names = "--save-sth",
      paramLabel = "FILE",
      description =
          "After a successful check, write the newest verified head here, for --known-sth next time.")
  Path saveSth;

  @Option(
      names = "--allow-unsigned",
      description =
          "Accept a log no signed tree head covers, as a structural check only (it proves nothing).")
  boolean allowUnsigned;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "30000",
      description = "How long the node and the registry may take (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    if ((export == null) == (node == null)) {
      throw new CommandLine.ParameterException(
          cmd, "give exactly one of --export FILE and --node URL");
    }
    if (timeoutMs <= 0) {
      throw new CommandLine.ParameterException(cmd, "--timeout-ms must be positive");
    }
    Ed25519PublicKey key =
        NodeKeys.resolve(cmd, publicKey, registry, subscriberId, keyId, timeoutMs);
    List<KnownHead> known = new ArrayList<>();
    for (Path file : knownSth) {
      try {
        known.addAll(
            KnownHeadFile.read(Files.readAllBytes(file), file.toString(), subscriberId, key));
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(cmd, "--known-sth: no such file: " + file);
      } catch (IOException | IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cmd, "--known-sth: " + e.getMessage());
      } catch (TreeHeadException e) {
        return failed(
            cmd, VerificationReport.failure(Problem.BAD_TREE_HEAD_SIGNATURE, e.getMessage()));
      }
    }
    LogVerifier verifier = new LogVerifier(key);
    verifier = allowUnsigned ? verifier.allowingUnsigned() : verifier;
    VerificationReport report;
    if (export != null) {
      try (InputStream in = Files.newInputStream(export)) {
        report = verifier.knownHeads(known).verify(in);
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(cmd, "no such file: " + export);
      } catch (IOException | RuntimeException e) {
        throw new CommandLine.ParameterException(
            cmd, "cannot read the export " + export + ": " + e.getMessage());
      }
    } else {
      report = new NodeAuditClient(cmd, node, timeoutMs).verifyExport(key, known, verifier);
    }
    if (!report.ok()) {
      return failed(cmd, report);
    }
    if (report.newestHead() == null) {
      cmd.getOut()
          .println(
              "audit log NOT signed: "
                  + report.entriesChecked()
                  + " entries checked for structure"
                  + " only; no signed tree head covers them, so nothing shows the node wrote them");
      return 0;
    }
    saveNewest(cmd, report);
    cmd.getOut()
        .println(
            "audit log verified: "
                + report.entriesChecked()
                + " entries, "
                + report.treeHeadsChecked()
                + " signed tree heads"
                + (report.knownHeadsChecked() > 0
                    ? ", consistent with " + report.knownHeadsChecked() + " known heads"
                    : "")
                + (report.unsignedEntries() > 0
                    ? ", " + report.unsignedEntries() + " entries after the last signed head"
                    : ""));
    return 0;
  }

  private static int failed(CommandLine cmd, VerificationReport report) {
    cmd.getErr()
        .println(
            "uei: audit log NOT verified: "
                + report.problem()
                + (report.firstBadIndex() >= 0 ? " at index " + report.firstBadIndex() : "")
                + ": "
                + report.message()
                + (report.problem() == Problem.NO_SIGNED_TREE_HEAD
                    ? " (--allow-unsigned checks the structure only)"
                    : ""));
    return 1;
  }

  private void saveNewest(CommandLine cmd, VerificationReport report) {
    if (saveSth == null) {
      return;
    }
    try {
      Files.write(saveSth, KnownHeadFile.write(report.newestHead()));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cmd, "--save-sth: cannot write " + saveSth + ": " + e.getMessage());
    }
  }
}
