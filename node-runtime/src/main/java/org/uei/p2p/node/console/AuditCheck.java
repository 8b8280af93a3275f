package org.uei.p2p.node.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.verify.KnownHead;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.node.audit.AuditLog;
import org.uei.p2p.node.audit.AuditResource;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * The console's "verify" button: the check {@code uei audit verify --node} makes, run on the node's
 * own export. The node signs a current head; the export the {@code /audit/export} API serves is
 * recomputed leaf by leaf and must match every signed head and extend the current one, all checked
 * with the key the registry publishes for this node (not the key the node holds, which proves
 * nothing to a counterparty).
 */
@ApplicationScoped
public class AuditCheck {

  @Inject AuditLog audit;
  @Inject AuditResource api;
  @Inject NodeIdentity identity;
  @Inject RegistryKeyResolver keys;

  /** What the console shows after a check. */
  @TemplateData
  public record Outcome(boolean ok, String summary) {}

  /** Runs the whole check; never throws. */
  public Outcome run() {
    Ed25519PublicKey key;
    try {
      key =
          Ed25519PublicKey.of(keys.refresh(identity.subscriberId(), identity.keyId()).publicKey());
    } catch (KeyResolutionException e) {
      return new Outcome(false, "the registry has no usable key for this node: " + e.getMessage());
    }
    Path dump = null;
    try {
      SignedTreeHead head = audit.currentHead();
      KnownHead current = KnownHead.verify("the node's current signed tree head", head.jws(), key);
      dump = Files.createTempFile("uei-audit-export", ".json");
      try (OutputStream out = Files.newOutputStream(dump)) {
        ((StreamingOutput) api.export().getEntity()).write(out);
      }
      VerificationReport report;
      try (InputStream in = Files.newInputStream(dump)) {
        report = new LogVerifier(key).knownHeads(List.of(current)).verify(in);
      }
      return describe(report);
    } catch (TreeHeadException e) {
      return new Outcome(false, "the current signed tree head does not verify: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new Outcome(false, "the check could not run: " + e.getMessage());
    } finally {
      if (dump != null) {
        try {
          Files.deleteIfExists(dump);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** The CLI's wording, so an operator reads the same verdict in both places. */
  static Outcome describe(VerificationReport report) {
    if (!report.ok()) {
      return new Outcome(
          false,
          "audit log NOT verified: "
              + report.problem()
              + (report.firstBadIndex() >= 0 ? " at index " + report.firstBadIndex() : "")
              + ": "
              + report.message());
    }
    return new Outcome(
        true,
        "audit log verified: "
            + report.entriesChecked()
            + " entries, "
            + report.treeHeadsChecked()
            + " signed tree heads, consistent with the current head"
            + (report.unsignedEntries() > 0
                ? ", " + report.unsignedEntries() + " entries after the last signed head"
                : ""));
  }
}
