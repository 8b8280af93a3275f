package org.uei.p2p.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.Fixtures;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.audit.verify.VerificationReport.Problem;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Logs built to pass a check that only looks at the export itself: every signed head stripped, an
 * entry deleted without renumbering, a log cut back to an older head or rewritten below a head the
 * node handed out earlier. Each fails with the precise problem, naming the entry or the head.
 */
class RollbackAndStrippingTest {

  private final Ed25519KeyPair key = Ed25519KeyPair.generate();
  private final TreeHeadSigner signer =
      new TreeHeadSigner(
          key, null, Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC));
  private final MerkleLog log = new MerkleLog(new InMemoryLogStore());
  private final List<SignedTreeHead> heads = new ArrayList<>();

  /** A log of {@code size} entries with heads signed at 5, 10 and {@code size}. */
  private LogExport log(int size) {
    for (int i = 0; i < size; i++) {
      log.append(Fixtures.entry(i));
      if (i + 1 == 5 || i + 1 == 10 || i + 1 == size) {
        heads.add(signer.sign(log));
      }
    }
    return LogExport.of(log, heads);
  }

  private static LogExport cut(LogExport e, int size, int headCount) {
    return new LogExport(
        e.entries().subList(0, size),
        e.leafHashes().subList(0, size),
        e.treeHeads().subList(0, headCount));
  }

  @Test
  void anExportWithEveryHeadStrippedFailsEvenWhenAnEntryWasRewrittenConsistently() {
    LogExport full = log(12);
    List<byte[]> entries = new ArrayList<>(full.entries());
    List<byte[]> hashes = new ArrayList<>(full.leafHashes());
    entries.set(3, Fixtures.entry(40).encode());
    hashes.set(3, org.uei.p2p.audit.merkle.MerkleHashes.leafHash(entries.get(3)));
    LogExport stripped = new LogExport(entries, hashes, List.of());

    VerificationReport report = new LogVerifier(key.publicKey()).verify(stripped);
    assertEquals(Problem.NO_SIGNED_TREE_HEAD, report.problem());
    assertEquals(
        "no signed tree head covers the 12 entries: nothing shows the node wrote them",
        report.message());

    VerificationReport structural =
        new LogVerifier(key.publicKey()).allowingUnsigned().verify(stripped);
    assertTrue(structural.ok(), structural.message());
    assertNull(structural.newestHead());
    assertEquals(12, structural.unsignedEntries());
    assertTrue(
        structural.message().startsWith("structural check only: 12 entries"), structural.message());
  }

  @Test
  void anEntryDeletedWithoutRenumberingIsAFailureAtItsIndex() throws IOException {
    String json = json(log(12));
    String seventh = "{\"index\":7,";
    int from = json.indexOf(seventh);
    int to = json.indexOf("{\"index\":8,");
    String deleted = json.substring(0, from) + json.substring(to);

    VerificationReport report = new LogVerifier(key.publicKey()).verify(in(deleted));
    assertEquals(Problem.ENTRY_OUT_OF_SEQUENCE, report.problem());
    assertEquals(7, report.firstBadIndex());
    assertEquals(
        "entries[7] carries index 8 where index 7 belongs: entry 7 is missing from the export",
        report.message());

    String notBase64 = json.replaceFirst("(\\{\"index\":4,\"entry\":\")", "$1***");
    VerificationReport bad = new LogVerifier(key.publicKey()).verify(in(notBase64));
    assertEquals(Problem.MALFORMED_ENTRY, bad.problem());
    assertEquals(4, bad.firstBadIndex());
  }

  @Test
  void anExportCutBackToAnOlderHeadFailsAgainstTheNewerKnownHead() {
    LogExport full = log(12);
    KnownHead current = new KnownHead("GET /audit/sth", heads.get(2));
    LogExport rolledBack = cut(full, 10, 2);
    assertTrue(new LogVerifier(key.publicKey()).verify(rolledBack).ok(), "alone it looks fine");

    VerificationReport report =
        new LogVerifier(key.publicKey()).knownHeads(List.of(current)).verify(rolledBack);
    assertEquals(Problem.ROLLED_BACK, report.problem());
    assertEquals(10, report.firstBadIndex());
    assertEquals(
        "GET /audit/sth (tree_size 12, root "
            + heads.get(2).head().rootHashBase64()
            + ", signed 2026-02-10T12:00:00Z) covers 12 entries but the log served holds only 10: it was rolled back"
            + " or cut short",
        report.message());

    VerificationReport ok =
        new LogVerifier(key.publicKey())
            .knownHeads(List.of(current, new KnownHead("seen.json", heads.get(0))))
            .verify(full);
    assertTrue(ok.ok(), ok.message());
    assertEquals(2, ok.knownHeadsChecked());
    assertEquals(heads.get(2), ok.newestHead());
  }

  @Test
  void aLogRewrittenBelowAKnownHeadFailsNamingIt() {
    log(12);
    SignedTreeHead handedOut = heads.get(1);
    // The node rewrites entry 7, then signs fresh heads over the rewritten log and serves those.
    MerkleLog forked = new MerkleLog(new InMemoryLogStore());
    List<SignedTreeHead> forkHeads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      forked.append(i == 7 ? Fixtures.entry(70) : Fixtures.entry(i));
      if (i + 1 == 5 || i + 1 == 12) {
        forkHeads.add(signer.sign(forked));
      }
    }
    LogExport fork = LogExport.of(forked, forkHeads);
    assertTrue(new LogVerifier(key.publicKey()).verify(fork).ok(), "alone it looks fine");

    VerificationReport report =
        new LogVerifier(key.publicKey())
            .knownHeads(List.of(new KnownHead("anchor of on_confirm", handedOut)))
            .verify(fork);
    assertEquals(Problem.KNOWN_HEAD_MISMATCH, report.problem());
    assertEquals(5, report.firstBadIndex(), "the last head that still matched covered 5 entries");
    assertTrue(
        report
            .message()
            .startsWith(
                "the first 10 entries of the log served do not hash to the root of"
                    + " anchor of on_confirm (tree_size 10"),
        report.message());
  }

  @Test
  void knownHeadsAreReadFromEveryFormTheirHoldersKeepThem() throws Exception {
    LogExport full = log(12);
    SignedTreeHead h = heads.get(1);
    byte[] saved = KnownHeadFile.write(h);
    assertEquals(h, KnownHeadFile.read(saved, "seen.json", null, key.publicKey()).get(0).head());
    byte[] lines = (heads.get(0).jws() + "\n\n" + h.jws() + "\n").getBytes(StandardCharsets.UTF_8);
    List<KnownHead> fromLines = KnownHeadFile.read(lines, "heads.txt", null, key.publicKey());
    assertEquals(
        List.of("heads.txt line 1", "heads.txt line 2"),
        fromLines.stream().map(KnownHead::source).toList());
    String anchors =
        "{\"anchors\":[{\"transaction_id\":\"t1\",\"action\":\"on_confirm\",\"sender_id\":\"bpp.x\","
            + "\"anchor\":"
            + TreeHeadAnchor.of(h).toJson()
            + "},{\"sender_id\":\"bap.other\",\"anchor\":{\"sth\":\"x.y.z\"}}]}";
    List<KnownHead> fromAnchors =
        KnownHeadFile.read(
            anchors.getBytes(StandardCharsets.UTF_8), "anchors.json", "bpp.x", key.publicKey());
    assertEquals(
        "anchors.json anchor 0 (on_confirm of transaction t1)", fromAnchors.get(0).source());
    assertEquals(1, fromAnchors.size(), "the other sender's anchor is left out");
    assertEquals(
        3,
        KnownHeadFile.read(
                json(full).getBytes(StandardCharsets.UTF_8),
                "old-export.json",
                null,
                key.publicKey())
            .size());

    TreeHeadException foreign =
        assertThrows(
            TreeHeadException.class,
            () ->
                KnownHeadFile.read(
                    saved, "seen.json", null, Ed25519KeyPair.generate().publicKey()));
    assertTrue(
        foreign.getMessage().startsWith("seen.json: signed tree head rejected"),
        foreign.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KnownHeadFile.read(
                    "{\"anchors\":[]}".getBytes(StandardCharsets.UTF_8),
                    "a.json",
                    "bpp.x",
                    key.publicKey()));
    assertEquals("a.json holds no signed tree head of bpp.x", empty.getMessage());
  }

  private static String json(LogExport export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static ByteArrayInputStream in(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
