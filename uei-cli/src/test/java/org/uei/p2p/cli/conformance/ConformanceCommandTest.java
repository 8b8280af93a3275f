package org.uei.p2p.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/**
 * Exit codes and outputs of {@code uei conformance}; full runs against nodes live in network-tests.
 */
class ConformanceCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void anUnknownRoleIsAUsageErrorOnOneLine() {
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "gateway",
            "--target",
            "http://127.0.0.1:1",
            "--registry-port",
            "0"));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("uei: --role must be bpp, bap or ledger"), err.toString());
  }

  @Test
  void aMissingTargetIsAUsageError() {
    assertEquals(2, run("conformance", "--role", "bpp"));
    assertTrue(
        err.toString().startsWith("uei: Missing required option: '--target=URL'"), err.toString());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Something that answers HTTP on loopback, standing in for a node that is up. */
  private static HttpServer answering(String path, int status) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext(
        path,
        ex -> {
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
    return server;
  }

  @Test
  void aTargetThatDoesNotAnswerIsOneSetupErrorNamingTheFix(@TempDir Path dir) throws Exception {
    String target = "http://127.0.0.1:" + closedPort();
    int code =
        run(
            "conformance",
            "--role",
            "bpp",
            "--target",
            target,
            "--registry-port",
            "0",
            "--ttl",
            "PT2S",
            "--report-dir",
            dir.toString());
    assertEquals(2, code, out + "\n" + err);
    assertEquals(
        "uei: target: "
            + target
            + " cannot be reached (connection refused); start your BPP there, or pass"
            + " the URL it listens on with --target\n",
        err.toString());
    assertFalse(out.toString().contains("FAIL"), out.toString());
  }

  @Test
  void anUnreachableRegistryIsNamedWithHowToStartOne() throws Exception {
    int port = closedPort();
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "bpp",
            "--target",
            "http://127.0.0.1:1",
            "--registry",
            "http://127.0.0.1:" + port));
    assertEquals(
        "uei: registry: http://127.0.0.1:"
            + port
            + " cannot be reached (connection refused); start it (a"
            + " local one: uei registry serve --port "
            + port
            + ") or pass its URL with --registry\n",
        err.toString());
  }

  @Test
  void aNetworkRegistryWithoutTheKitsKeySaysHowToRegisterIt() throws Exception {
    HttpServer registry = answering("/", 404);
    HttpServer target = answering("/", 405);
    try {
      String url = "http://127.0.0.1:" + registry.getAddress().getPort();
      assertEquals(
          2,
          run(
              "conformance",
              "--role",
              "bpp",
              "--target",
              "http://127.0.0.1:" + target.getAddress().getPort(),
              "--registry",
              url));
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(
          err.toString()
              .startsWith(
                  "uei: kit registration: registry "
                      + url
                      + " has no /admin/subscribers"
                      + " (HTTP 404): it is not a local registry"),
          err.toString());
      assertTrue(
          err.toString().contains("--subscriber-id, --key-id, --private-key"), err.toString());
    } finally {
      registry.stop(0);
      target.stop(0);
    }
  }

  @Test
  void theDoctorNamesTheFirstThingToFix() throws Exception {
    String target = "http://127.0.0.1:" + closedPort();
    assertEquals(
        2,
        run("conformance", "doctor", "--role", "bpp", "--target", target, "--registry-port", "0"));
    assertTrue(out.toString().contains("ok   registry: http://127.0.0.1:"), out.toString());
    assertTrue(
        out.toString().contains("FIX  target: " + target + " cannot be reached"), out.toString());
    assertEquals(
        "uei: target: "
            + target
            + " cannot be reached (connection refused); start your BPP there, or pass"
            + " the URL it listens on with --target\n",
        err.toString());
  }

  @Test
  void theKitsOwnRegistryLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before;
    try (var list = Files.list(tmp)) {
      before =
          list.filter(p -> p.getFileName().toString().startsWith("uei-conformance-registry"))
              .count();
    }
    run(
        "conformance",
        "--role",
        "bpp",
        "--target",
        "http://127.0.0.1:" + closedPort(),
        "--registry-port",
        "0",
        "--report-dir",
        dir.toString());
    try (var list = Files.list(tmp)) {
      assertEquals(
          before,
          list.filter(p -> p.getFileName().toString().startsWith("uei-conformance-registry"))
              .count());
    }
  }

  @Test
  void roleBapNeedsATriggerOrAWait() {
    assertEquals(
        2,
        run(
            "conformance",
            "--role",
            "bap",
            "--target",
            "http://127.0.0.1:1",
            "--registry-port",
            "0"));
    assertTrue(
        err.toString().startsWith("uei: role bap needs --trigger bap-node:URL or --wait DURATION"),
        err.toString());
  }

  @Test
  void roleBapWithoutAnyFlowFailsTheFlowCase(@TempDir Path dir) throws Exception {
    HttpServer bap = answering("/", 404);
    int code;
    try {
      code =
          run(
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
              "--wire",
              "wave1",
              "--report-dir",
              dir.toString());
    } finally {
      bap.stop(0);
    }
    assertEquals(1, code, out + "\n" + err);
    assertTrue(out.toString().contains("FAIL BAP-JRN-001"), out.toString());
    assertTrue(out.toString().contains("no discover reached the kit"), out.toString());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"BAP-RPL-001\""));
  }
}
