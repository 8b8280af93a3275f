package org.uei.p2p.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/** {@code uei conformance --wire}: its values, and the default read from the target's answer. */
class WireOptionTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** A target that refuses every POST with 401 and {@code body}. */
  private static HttpServer refusing(String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(401, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
    return server;
  }

  /**
   * Runs the BAP role, with {@code wire} when not null, against a buyer platform that refuses every
   * callback; returns the exit code.
   */
  private int bapRun(Path dir, String wire) throws Exception {
    HttpServer bap = refusing("{}");
    try {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "conformance",
                  "--role",
                  "bap",
                  "--target",
                  "http://127.0.0.1:" + bap.getAddress().getPort(),
                  "--registry-port",
                  "0",
                  "--wait",
                  "PT0S",
                  "--ttl",
                  "PT1S",
                  "--report-dir",
                  dir.toString()));
      if (wire != null) {
        args.addAll(List.of("--wire", wire));
      }
      return run(args.toArray(String[]::new));
    } finally {
      bap.stop(0);
    }
  }

  private int runAgainst(HttpServer target, Path dir) {
    return run(
        "conformance",
        "--role",
        "bpp",
        "--target",
        "http://127.0.0.1:" + target.getAddress().getPort(),
        "--registry-port",
        "0",
        "--ttl",
        "PT1S",
        "--report-dir",
        dir.toString());
  }

  @Test
  void anUnknownWireIsRefusedOnOneLine() {
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "bpp",
            "--target",
            "http://127.0.0.1:1",
            "--registry-port",
            "0",
            "--wire",
            "wave3"));
    assertEquals("uei: --wire must be wave1, wave2 or uei-v1, not 'wave3'\n", err.toString());
  }

  @Test
  void aBapRunOnWave2ServesAWave2Seller(@TempDir Path dir) throws Exception {
    assertEquals(1, bapRun(dir, "wave2"), out + "\n" + err);
    assertTrue(out.toString().contains("the kit serves a wave-2 seller platform"), out.toString());
    assertTrue(
        out.toString().contains("FAIL W2-BAP-JRN-001 no discover reached the kit"), out.toString());
  }

  @Test
  void aTargetThatKnowsSearchButNotDiscoverGetsTheUeiV1Cases(@TempDir Path dir) throws Exception {
    byte[] nack =
        "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\"}}"
            .getBytes(StandardCharsets.UTF_8);
    HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    target.createContext(
        "/",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().set("Content-Type", "application/json");
          // Beckn 1.1.0 has no discover: unknown here; search is refused for want of a signature.
          ex.sendResponseHeaders(
              ex.getRequestURI().getPath().endsWith("/discover") ? 404 : 401, nack.length);
          ex.getResponseBody().write(nack);
          ex.close();
        });
    target.start();
    try {
      assertEquals(1, runAgainst(target, dir), out + "\n" + err);
    } finally {
      target.stop(0);
    }
    assertTrue(
        out.toString()
            .contains("wire: uei-v1 (the target does not know discover and answered search"),
        out.toString());
    assertTrue(out.toString().contains("running the uei-v1 BPP cases"), out.toString());
    assertTrue(out.toString().contains("FAIL U1-BPP-ACK-001"), out.toString());
  }

  @Test
  void aBapRunOnUeiV1ServesABeckn110Seller(@TempDir Path dir) throws Exception {
    assertEquals(1, bapRun(dir, "uei-v1"), out + "\n" + err);
    assertTrue(out.toString().contains("UEI v1 (Beckn 1.1.0) seller platform"), out.toString());
    assertTrue(
        out.toString().contains("FAIL U1-BAP-JRN-001 no search reached the kit"), out.toString());
  }

  @Test
  void aTargetRefusingInTheWave1ShapeGetsTheWave1Cases(@TempDir Path dir) throws Exception {
    HttpServer target =
        refusing(
            "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30000\",\"message\":\"unsigned\"}}");
    try {
      assertEquals(1, runAgainst(target, dir), out + "\n" + err);
    } finally {
      target.stop(0);
    }
    assertTrue(
        out.toString().contains("wire: wave1 (the target answered discover in the wave-1 shape"),
        out.toString());
    assertTrue(out.toString().contains("FAIL BPP-ACK-001"), out.toString());
    assertTrue(Files.readString(dir.resolve("junit.xml")).contains("BPP-SIG-002"));
  }

  @Test
  void aTargetRefusingInTheWave2ShapeGetsTheWave2Cases(@TempDir Path dir) throws Exception {
    HttpServer target =
        refusing(
            "{\"status\":\"NACK\",\"error\":{\"errorCode\":\"30000\",\"errorMessage\":\"x\"}}");
    try {
      assertEquals(1, runAgainst(target, dir), out + "\n" + err);
    } finally {
      target.stop(0);
    }
    assertTrue(
        out.toString().contains("wire: wave2 (the target answered discover in the wave-2 shape"),
        out.toString());
    assertTrue(out.toString().contains("FAIL W2-BPP-ACK-001"), out.toString());
    assertTrue(
        out.toString().contains("FAIL W2-BPP-SIG-002 HTTP 401 without WWW-Authenticate"),
        out.toString());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("W2-BPP-LDG-001"));
  }

  @Test
  void aBapWhoseAnswerShowsNoWireIsRunOnWave2(@TempDir Path dir) throws Exception {
    assertEquals(1, bapRun(dir, null), out + "\n" + err);
    assertTrue(
        out.toString().contains("wire: wave2 (the target's answer shows no wire: wave 2"),
        out.toString());
    assertTrue(out.toString().contains("FAIL W2-BAP-JRN-001"), out.toString());
  }

  @Test
  void aLedgerIsTestedOnWave2Only() {
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "ledger",
            "--target",
            "http://127.0.0.1:1",
            "--registry-port",
            "0",
            "--wire",
            "wave1"));
    assertEquals(
        "uei: --wire must be wave2 for role ledger (the DEG Ledger Service API is wave 2 only),"
            + " not 'wave1'\n",
        err.toString());
  }

  @Test
  void aLedgerThatCannotBeReachedStopsTheRunWithTheFix() {
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "ledger",
            "--target",
            "http://127.0.0.1:1",
            "--registry-port",
            "0"));
    assertTrue(
        err.toString().startsWith("uei: target: http://127.0.0.1:1 cannot be reached"),
        err.toString());
  }

  @Test
  void aLedgerRunPlaysThePartiesAndWritesTheReports(@TempDir Path dir) throws Exception {
    HttpServer ledger = refusing("{\"code\":\"AUT_SIGNATURE_INVALID\",\"message\":\"no\"}");
    try {
      assertEquals(
          1,
          run(
              "conformance",
              "--role",
              "ledger",
              "--target",
              "http://127.0.0.1:" + ledger.getAddress().getPort(),
              "--registry-port",
              "0",
              "--report-dir",
              dir.toString()),
          out + "\n" + err);
    } finally {
      ledger.stop(0);
    }
    assertTrue(
        out.toString().contains("running the ledger cases against http://127.0.0.1:"),
        out.toString());
    // A ledger that refuses everything refuses the unsigned put too, and records nothing.
    assertTrue(out.toString().contains("pass W2-LDG-SIG-001"), out.toString());
    assertTrue(
        out.toString()
            .contains("FAIL W2-LDG-PUT-001 expected HTTP 200 with success and a recordId"),
        out.toString());
    assertTrue(Files.readString(dir.resolve("junit.xml")).contains("W2-LDG-ERR-001"));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("DISCOM ledger provider"));
  }
}
