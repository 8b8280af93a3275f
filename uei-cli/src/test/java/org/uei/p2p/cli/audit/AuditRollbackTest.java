package org.uei.p2p.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.audit.verify.KnownHeadFile;
import org.uei.p2p.audit.verify.LogExport;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;

/**
 * {@code uei audit verify --node} against nodes that sign a current head but serve an export cut
 * back to an older one, or present a head older than one handed out before: each fails naming the
 * head, where checking the export alone passed.
 */
class AuditRollbackTest {

  @TempDir Path dir;
  private final Ed25519KeyPair nodeKey = Ed25519KeyPair.generate();
  private final TreeHeadSigner signer = new TreeHeadSigner(nodeKey, null, Clock.systemUTC());
  private final MerkleLog log = new MerkleLog(new InMemoryLogStore());
  private final List<SignedTreeHead> heads = new ArrayList<>();
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private void grow(int to) {
    for (long i = log.size(); i < to; i++) {
      byte[] json = ("{\"trade\":\"order-" + i + "/1\",\"settled_kwh\":\"4.50\"}").getBytes();
      log.append(
          new RecordEntry(
              RecordEntry.Kind.SETTLEMENT,
              "settlement-" + i,
              "txn-" + i,
              json,
              Instant.parse("2026-02-11T06:00:00Z").plusSeconds(i)));
    }
    heads.add(signer.sign(log));
  }

  /**
   * The export of the first {@code size} entries with the heads up to that size, as a node serves
   * it.
   */
  private LogExport exportUpTo(int size) {
    LogExport all = LogExport.of(log, heads);
    return new LogExport(
        all.entries().subList(0, size),
        all.leafHashes().subList(0, size),
        heads.stream().filter(h -> h.treeSize() <= size).map(SignedTreeHead::jws).toList());
  }

  @Test
  void aNodeServingAnExportCutBackToAnOlderHeadFailsNamingItsCurrentHead() throws Exception {
    grow(10);
    grow(14);
    try (FakeAuditNode honest = new FakeAuditNode(log, heads.get(1), exportUpTo(14))) {
      assertEquals(0, run("--node", honest.url()), err.toString());
      assertEquals(
          "audit log verified: 14 entries, 2 signed tree heads, consistent with 1 known heads\n",
          out.toString());
    }
    try (FakeAuditNode rolledBack = new FakeAuditNode(log, heads.get(1), exportUpTo(10))) {
      assertEquals(1, run("--node", rolledBack.url()));
      assertEquals(
          "uei: audit log NOT verified: ROLLED_BACK at index 10: the node's signed tree head from GET "
              + rolledBack.url()
              + "/audit/sth (tree_size 14, root "
              + heads.get(1).head().rootHashBase64()
              + ", signed "
              + heads.get(1).head().timestamp()
              + ") covers 14 entries but the log served holds only 10: it was rolled"
              + " back or cut short\n",
          err.toString());
    }
  }

  @Test
  void aNodePresentingAHeadOlderThanOneSeenBeforeFailsNamingTheFile() throws Exception {
    grow(10);
    grow(14);
    Path seen = dir.resolve("seen.json");
    try (FakeAuditNode node = new FakeAuditNode(log, heads.get(1), exportUpTo(14))) {
      assertEquals(0, run("--node", node.url(), "--save-sth", seen.toString()), err.toString());
    }
    assertEquals(
        heads.get(1),
        KnownHeadFile.read(Files.readAllBytes(seen), "seen.json", null, nodeKey.publicKey())
            .get(0)
            .head());
    try (FakeAuditNode rolledBack = new FakeAuditNode(log, heads.get(0), exportUpTo(10))) {
      assertEquals(
          0, run("--node", rolledBack.url()), "without the head seen before it looks fine: " + err);
      assertEquals(1, run("--node", rolledBack.url(), "--known-sth", seen.toString()));
      assertTrue(
          err.toString()
              .startsWith(
                  "uei: audit log NOT verified: ROLLED_BACK: the node's signed tree head from"
                      + " GET "
                      + rolledBack.url()
                      + "/audit/sth (tree_size 10,"),
          err.toString());
      assertTrue(
          err.toString().contains(" is older than " + seen + " (tree_size 14,"), err.toString());
      assertTrue(err.toString().endsWith(": the node rolled its log back\n"), err.toString());
    }
  }

  @Test
  void aNodeWhoseLogForkedBelowAKnownHeadFailsOnItsOwnConsistencyProof() throws Exception {
    grow(10);
    Path seen = dir.resolve("seen.json");
    Files.write(seen, KnownHeadFile.write(heads.get(0)));
    // Another log of 12 entries under the same key: its first 10 differ from the head handed out.
    MerkleLog forked = new MerkleLog(new InMemoryLogStore());
    for (int i = 0; i < 12; i++) {
      forked.append(
          new RecordEntry(
              RecordEntry.Kind.SETTLEMENT,
              "forked-" + i,
              "txn-" + i,
              "{}".getBytes(),
              Instant.parse("2026-02-11T06:00:00Z").plusSeconds(i)));
    }
    SignedTreeHead forkHead = signer.sign(forked);
    try (FakeAuditNode node =
        new FakeAuditNode(forked, forkHead, LogExport.of(forked, List.of(forkHead)))) {
      assertEquals(1, run("--node", node.url(), "--known-sth", seen.toString()));
      assertTrue(
          err.toString()
              .startsWith(
                  "uei: audit log NOT verified: INCONSISTENT_WITH_KNOWN_HEAD: the node's"
                      + " consistency proof from "
                      + seen
                      + " (tree_size 10,"),
          err.toString());
      assertTrue(
          err.toString()
              .endsWith(" does not verify: the log it signs now does not extend that head\n"),
          err.toString());
    }
  }

  @Test
  void aHeadFileSignedByAnotherKeyIsNamed() throws Exception {
    grow(3);
    Path other = dir.resolve("other.json");
    Files.write(
        other,
        KnownHeadFile.write(
            new TreeHeadSigner(Ed25519KeyPair.generate(), null, Clock.systemUTC()).sign(log)));
    try (FakeAuditNode node = new FakeAuditNode(log, heads.get(0), exportUpTo(3))) {
      assertEquals(1, run("--node", node.url(), "--known-sth", other.toString()));
      assertTrue(
          err.toString()
              .startsWith(
                  "uei: audit log NOT verified: BAD_TREE_HEAD_SIGNATURE: "
                      + other
                      + ": signed tree head rejected"),
          err.toString());
      assertEquals(
          2, run("--node", node.url(), "--known-sth", dir.resolve("none.json").toString()));
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all =
        new ArrayList<>(List.of("audit", "verify", "--public-key", nodeKey.publicKeyBase64()));
    all.addAll(List.of(args));
    return cl.execute(all.toArray(String[]::new));
  }
}
