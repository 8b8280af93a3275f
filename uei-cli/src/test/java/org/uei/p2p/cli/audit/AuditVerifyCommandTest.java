package org.uei.p2p.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.verify.LogExport;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;

class AuditVerifyCommandTest {

  @TempDir Path dir;
  private final Ed25519KeyPair nodeKey = Ed25519KeyPair.generate();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void anUntouchedExportVerifies() throws IOException {
    Path file = write(export(), "log.json");
    assertEquals(0, run("audit", "verify", "--export", file.toString(), "--public-key", nodeKey.publicKeyBase64()));
    assertEquals("audit log verified: 10 entries, 2 signed tree heads\n", out.toString());
  }

  @Test
  void oneFlippedByteInAnEntryIsReportedAtItsIndex() throws IOException {
    LogExport good = export();
    List<byte[]> entries = new ArrayList<>(good.entries());
    byte[] changed = entries.get(6).clone();
    changed[changed.length - 3] ^= 0x01;
    entries.set(6, changed);
    Path file = write(new LogExport(entries, good.leafHashes(), good.treeHeads()), "tampered.json");

    assertEquals(1, run("audit", "verify", "--export", file.toString(), "--public-key", nodeKey.publicKeyBase64()));
    assertTrue(err.toString().startsWith("uei: audit log NOT verified: LEAF_HASH_MISMATCH at index 6"), err.toString());
    assertEquals(1, err.toString().lines().count());
  }

  @Test
  void anotherNodesKeyDoesNotVerifyTheTreeHeads() throws IOException {
    Path file = write(export(), "log.json");
    String otherKey = Ed25519KeyPair.generate().publicKeyBase64();
    assertEquals(1, run("audit", "verify", "--export", file.toString(), "--public-key", otherKey));
    assertTrue(err.toString().contains("BAD_TREE_HEAD_SIGNATURE"), err.toString());
  }

  @Test
  void aMissingFileIsAUsageErrorOnOneLine() {
    assertEquals(2, run("audit", "verify", "--export", dir.resolve("nope.json").toString(),
        "--public-key", nodeKey.publicKeyBase64()));
    assertEquals(1, err.toString().lines().count());
    assertTrue(err.toString().contains("no such file"), err.toString());
  }

  private LogExport export() {
    MerkleLog log = new MerkleLog(new InMemoryLogStore());
    TreeHeadSigner signer = new TreeHeadSigner(nodeKey, null, Clock.systemUTC());
    List<org.uei.p2p.audit.sth.SignedTreeHead> heads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] json = ("{\"trade\":\"order-" + i + "/1\",\"settled_kwh\":\"4.50\"}").getBytes(StandardCharsets.UTF_8);
      log.append(new RecordEntry(RecordEntry.Kind.SETTLEMENT, "settlement-" + i, "txn-" + i, json,
          Instant.parse("2026-02-11T06:00:00Z").plusSeconds(i)));
      if (i == 4 || i == 9) {
        heads.add(signer.sign(log));
      }
    }
    return LogExport.of(log, heads);
  }

  private Path write(LogExport export, String name) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream os = Files.newOutputStream(file)) {
      export.write(os);
    }
    return file;
  }

  private int run(String... args) {
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
