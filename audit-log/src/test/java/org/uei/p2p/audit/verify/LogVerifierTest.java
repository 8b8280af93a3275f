package org.uei.p2p.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.audit.Fixtures;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.store.FileLogStore;
import org.uei.p2p.audit.verify.VerificationReport.Problem;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

class LogVerifierTest {

  private static final int ENTRIES = 23;
  private static final int[] HEAD_SIZES = {0, 4, 7, 16, 21};

  @TempDir Path dir;
  private final Ed25519KeyPair key = Ed25519KeyPair.generate();
  private final LogVerifier verifier = new LogVerifier(key.publicKey());
  private final List<SignedTreeHead> heads = new ArrayList<>();

  @BeforeEach
  void writeLog() {
    TreeHeadSigner signer =
        new TreeHeadSigner(
            key, null, Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC));
    try (FileLogStore store = FileLogStore.open(dir)) {
      MerkleLog log = new MerkleLog(store);
      int h = 0;
      for (int i = 0; i <= ENTRIES; i++) {
        if (h < HEAD_SIZES.length && HEAD_SIZES[h] == i) {
          heads.add(signer.sign(log));
          h++;
        }
        if (i < ENTRIES) {
          log.append(Fixtures.entry(i));
        }
      }
    }
  }

  private LogExport export() throws IOException {
    try (FileLogStore store = FileLogStore.open(dir)) {
      LogExport export = LogExport.of(new MerkleLog(store), heads);
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      export.write(json);
      return LogExport.read(new ByteArrayInputStream(json.toByteArray()));
    }
  }

  @Test
  void untouchedLogVerifies() throws IOException {
    VerificationReport report = verifier.verify(export());
    assertTrue(report.ok(), report.message());
    assertEquals(ENTRIES, report.entriesChecked());
    assertEquals(HEAD_SIZES.length, report.treeHeadsChecked());
    assertEquals(2, report.unsignedEntries());
    assertEquals(
        "verified 23 entries against 5 signed tree heads; the last 2 entries are not yet covered"
            + " by a signed tree head",
        report.message());
  }

  @Test
  void oneFlippedByteInTheStoredFileIsReportedAtItsIndex() throws IOException {
    for (int target : new int[] {0, 5, 11, 22}) {
      long start = offsetOf(target);
      long length = Fixtures.entry(target).encode().length;
      for (long at : new long[] {start, start + 9, start + length / 2, start + length - 1}) {
        flipByteInDataFile(at);
        VerificationReport report = verifier.verify(export());
        flipByteInDataFile(at);
        assertEquals(target, report.firstBadIndex(), "byte " + at + ": " + report.message());
        assertTrue(
            report.problem() == Problem.LEAF_HASH_MISMATCH
                || report.problem() == Problem.MALFORMED_ENTRY,
            report.message());
      }
    }
    assertTrue(verifier.verify(export()).ok());
  }

  @Test
  void everyFlippedByteOfAnExportedEntryIsReportedAtItsIndex() throws IOException {
    LogExport good = export();
    // One entry of each shape (message in, message out, record), one inside a later head, one
    // unsigned.
    for (int i : new int[] {0, 1, 2, 13, 22}) {
      byte[] entry = good.entries().get(i);
      for (int b = 0; b < entry.length; b++) {
        List<byte[]> entries = new ArrayList<>(good.entries());
        byte[] bad = entry.clone();
        bad[b] ^= 0x20;
        entries.set(i, bad);
        VerificationReport report =
            verifier.verify(new LogExport(entries, good.leafHashes(), good.treeHeads()));
        assertEquals(
            i, report.firstBadIndex(), "entry " + i + " byte " + b + ": " + report.message());
      }
    }
  }

  @Test
  void rewrittenEntryWithMatchingLeafHashIsCaughtByTheSignedRoot() throws IOException {
    LogExport good = export();
    List<byte[]> entries = new ArrayList<>(good.entries());
    entries.set(9, Fixtures.entry(10).encode());
    List<byte[]> noHashes = Arrays.asList(new byte[ENTRIES][]);
    VerificationReport report = verifier.verify(new LogExport(entries, noHashes, good.treeHeads()));
    assertEquals(Problem.ROOT_MISMATCH, report.problem());
    assertEquals(7, report.firstBadIndex(), "first entry after the last head that still matched");
    assertEquals(
        "the entries before index 16 do not hash to the root signed in tree head 3 (tree_size 16);"
            + " they matched up to tree_size 7",
        report.message());
  }

  @Test
  void tamperedTreeHeadSignatureIsReported() throws IOException {
    LogExport good = export();
    List<String> sths = new ArrayList<>(good.treeHeads());
    String jws = sths.get(2);
    char last = jws.charAt(jws.length() - 3);
    sths.set(
        2,
        jws.substring(0, jws.length() - 3)
            + (last == 'Q' ? 'R' : 'Q')
            + jws.substring(jws.length() - 2));
    VerificationReport report =
        verifier.verify(new LogExport(good.entries(), good.leafHashes(), sths));
    assertEquals(Problem.BAD_TREE_HEAD_SIGNATURE, report.problem());
    assertTrue(
        report.message().startsWith("tree head 2: signed tree head rejected"), report.message());

    VerificationReport otherKey =
        new LogVerifier(Ed25519KeyPair.generate().publicKey()).verify(good);
    assertEquals(Problem.BAD_TREE_HEAD_SIGNATURE, otherKey.problem());
  }

  @Test
  void rollbackAndTruncationAreReported() throws IOException {
    LogExport good = export();
    List<String> swapped = new ArrayList<>(good.treeHeads());
    swapped.set(3, good.treeHeads().get(4));
    swapped.set(4, good.treeHeads().get(3));
    assertEquals(
        Problem.TREE_HEADS_OUT_OF_ORDER,
        verifier.verify(new LogExport(good.entries(), good.leafHashes(), swapped)).problem());

    VerificationReport truncated =
        verifier.verify(
            new LogExport(
                good.entries().subList(0, 18), good.leafHashes().subList(0, 18), good.treeHeads()));
    assertEquals(Problem.MISSING_ENTRIES, truncated.problem());
    assertEquals(18, truncated.firstBadIndex());
  }

  @Test
  void streamingVerificationFindsWhatTheInMemoryOneFinds() throws IOException {
    LogExport good = export();
    assertTrue(verifier.verify(json(good)).ok());
    List<byte[]> entries = new ArrayList<>(good.entries());
    byte[] bad = entries.get(17).clone();
    bad[bad.length - 3] ^= 0x04;
    entries.set(17, bad);
    LogExport tampered = new LogExport(entries, good.leafHashes(), good.treeHeads());
    VerificationReport streamed = verifier.verify(json(tampered));
    assertEquals(verifier.verify(tampered), streamed);
    assertEquals(17, streamed.firstBadIndex());
  }

  @Test
  void exportFieldsOutOfOrderAreRefused() {
    String json = "{\"format\":\"uei-audit-log/1\",\"entries\":[],\"tree_heads\":[]}";
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> verifier.verify(new ByteArrayInputStream(json.getBytes())));
    assertEquals(
        "audit log export: \"entries\" must come once, right after \"tree_heads\"", e.getMessage());
  }

  private static ByteArrayInputStream json(LogExport export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(out);
    return new ByteArrayInputStream(out.toByteArray());
  }

  @Test
  void malformedExportIsRefusedWithTheField() {
    String json =
        "{\"format\":\"uei-audit-log/1\",\"tree_heads\":[],\"entries\":[{\"index\":0,\"entry\":\"***\"}]}";
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> LogExport.read(new ByteArrayInputStream(json.getBytes())));
    assertTrue(e.getMessage().startsWith("entries[0].entry is not base64"), e.getMessage());
  }

  private long offsetOf(int index) {
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += Fixtures.entry(i).encode().length;
    }
    return offset;
  }

  private void flipByteInDataFile(long position) throws IOException {
    try (FileChannel data =
        FileChannel.open(
            dir.resolve("entries.dat"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      data.read(one, position);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      data.write(one, position);
    }
  }
}
