package org.uei.p2p.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.audit.verify.LogExport;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.registry.local.LocalRegistry;
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
    assertEquals(
        0,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--public-key",
            nodeKey.publicKeyBase64()));
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

    assertEquals(
        1,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--public-key",
            nodeKey.publicKeyBase64()));
    assertTrue(
        err.toString().startsWith("uei: audit log NOT verified: LEAF_HASH_MISMATCH at index 6"),
        err.toString());
    assertEquals(1, err.toString().lines().count());
  }

  @Test
  void anExportWithEveryHeadStrippedFailsUnlessAStructuralCheckIsAskedFor() throws IOException {
    LogExport good = export();
    Path file = write(new LogExport(good.entries(), good.leafHashes(), List.of()), "stripped.json");
    String key = nodeKey.publicKeyBase64();

    assertEquals(1, run("audit", "verify", "--export", file.toString(), "--public-key", key));
    assertEquals(
        "uei: audit log NOT verified: NO_SIGNED_TREE_HEAD: no signed tree head covers the 10 entries:"
            + " nothing shows the node wrote them (--allow-unsigned checks the structure only)\n",
        err.toString());

    assertEquals(
        0,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--public-key",
            key,
            "--allow-unsigned"));
    assertEquals(
        "audit log NOT signed: 10 entries checked for structure only; no signed tree head covers them,"
            + " so nothing shows the node wrote them\n",
        out.toString());
  }

  @Test
  void anEntryDeletedWithoutRenumberingIsAVerificationFailureNamingIt() throws IOException {
    Path file = write(export(), "log.json");
    String json = Files.readString(file);
    Files.writeString(
        file,
        json.substring(0, json.indexOf("{\"index\":7,"))
            + json.substring(json.indexOf("{\"index\":8,")));

    assertEquals(
        1,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--public-key",
            nodeKey.publicKeyBase64()));
    assertEquals(
        "uei: audit log NOT verified: ENTRY_OUT_OF_SEQUENCE at index 7: entries[7] carries index 8 where"
            + " index 7 belongs: entry 7 is missing from the export\n",
        err.toString());
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
    assertEquals(
        2,
        run(
            "audit",
            "verify",
            "--export",
            dir.resolve("nope.json").toString(),
            "--public-key",
            nodeKey.publicKeyBase64()));
    assertEquals(1, err.toString().lines().count());
    assertTrue(err.toString().contains("no such file"), err.toString());
  }

  @Test
  void theKeyCanComeFromTheRegistryInsteadOfTheCommandLine() throws Exception {
    Path file = write(export(), "log.json");
    try (LocalRegistry registry = LocalRegistry.builder().start()) {
      String record =
          "[{\"subscriber_id\":\"bpp.audit.test\",\"unique_key_id\":\"k1\",\"type\":\"BPP\","
              + "\"subscriber_url\":\"http://127.0.0.1:9\",\"domain\":\"beckn.one:deg:p2p-trading:2.0.0\","
              + "\"signing_public_key\":\""
              + nodeKey.publicKeyBase64()
              + "\",\"status\":\"SUBSCRIBED\"}]";
      HttpResponse<String> added =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/admin/subscribers"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(record))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, added.statusCode(), added.body());

      assertEquals(
          0,
          run(
              "audit",
              "verify",
              "--export",
              file.toString(),
              "--registry",
              registry.baseUrl(),
              "--subscriber-id",
              "bpp.audit.test"),
          err.toString());
      assertEquals(
          0,
          run(
              "audit",
              "verify",
              "--export",
              file.toString(),
              "--registry",
              registry.baseUrl(),
              "--subscriber-id",
              "bpp.audit.test",
              "--key-id",
              "k1"),
          err.toString());
      assertEquals(
          1,
          run(
              "audit",
              "verify",
              "--export",
              file.toString(),
              "--registry",
              registry.baseUrl(),
              "--subscriber-id",
              "bpp.nobody"));
      assertTrue(err.toString().contains("bpp.nobody"), err.toString());
    }
  }

  @Test
  void sourcesAndKeysMustBeGivenExactlyOnce() throws IOException {
    Path file = write(export(), "log.json");
    String key = nodeKey.publicKeyBase64();
    assertEquals(2, run("audit", "verify", "--public-key", key));
    assertEquals(
        2,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--node",
            "http://127.0.0.1:9",
            "--public-key",
            key));
    assertEquals(2, run("audit", "verify", "--export", file.toString()));
    assertEquals(
        2,
        run(
            "audit",
            "verify",
            "--export",
            file.toString(),
            "--public-key",
            key,
            "--registry",
            "http://127.0.0.1:9"));
    assertEquals(
        2, run("audit", "verify", "--export", file.toString(), "--registry", "http://127.0.0.1:9"));
    assertEquals(5, err.toString().lines().count(), err.toString());
    assertTrue(
        err.toString().contains("exactly one of --export FILE and --node URL"), err.toString());
    assertTrue(err.toString().contains("--registry needs --subscriber-id"), err.toString());
  }

  @Test
  void aNodeThatCannotBeReachedIsOneLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertEquals(
        1,
        run(
            "audit",
            "verify",
            "--node",
            "http://127.0.0.1:" + port,
            "--public-key",
            nodeKey.publicKeyBase64(),
            "--timeout-ms",
            "2000"));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(
        err.toString().startsWith("uei: cannot reach http://127.0.0.1:" + port + "/audit/sth"),
        err.toString());
  }

  private LogExport export() {
    MerkleLog log = new MerkleLog(new InMemoryLogStore());
    TreeHeadSigner signer = new TreeHeadSigner(nodeKey, null, Clock.systemUTC());
    List<org.uei.p2p.audit.sth.SignedTreeHead> heads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] json =
          ("{\"trade\":\"order-" + i + "/1\",\"settled_kwh\":\"4.50\"}")
              .getBytes(StandardCharsets.UTF_8);
      log.append(
          new RecordEntry(
              RecordEntry.Kind.SETTLEMENT,
              "settlement-" + i,
              "txn-" + i,
              json,
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
