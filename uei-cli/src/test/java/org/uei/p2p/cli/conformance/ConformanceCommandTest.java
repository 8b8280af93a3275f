package org.uei.p2p.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/** Exit codes and outputs of {@code uei conformance}; full runs against nodes live in network-tests. */
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
    assertEquals(2, run("conformance", "--role", "gateway", "--target", "http://127.0.0.1:1", "--registry-port", "0"));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("uei: --role must be bpp or bap"), err.toString());
  }

  @Test
  void aMissingTargetIsAUsageError() {
    assertEquals(2, run("conformance", "--role", "bpp"));
    assertTrue(err.toString().startsWith("uei: Missing required option: '--target=URL'"), err.toString());
  }

  @Test
  void aTargetThatDoesNotAnswerFailsWithReportsWritten(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    int code = run("conformance", "--role", "bpp", "--target", "http://127.0.0.1:" + closed, "--registry-port", "0",
        "--ttl", "PT2S", "--report-dir", dir.toString());
    assertEquals(1, code, out + "\n" + err);
    assertTrue(out.toString().contains("FAIL BPP-ACK-001"), out.toString());
    assertTrue(out.toString().contains("mandatory cases did not pass"), out.toString());
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("id=\"BPP-NRG-004\""), "every case is in the HTML report");
    assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<testsuite name=\"uei-conformance-bpp\""));
  }

  @Test
  void roleBapNeedsATriggerOrAWait() {
    assertEquals(2, run("conformance", "--role", "bap", "--target", "http://127.0.0.1:1", "--registry-port", "0"));
    assertTrue(err.toString().startsWith("uei: role bap needs --trigger bap-node:URL or --wait DURATION"), err.toString());
  }

  @Test
  void roleBapWithoutAnyFlowFailsTheFlowCase(@TempDir Path dir) throws Exception {
    int code = run("conformance", "--role", "bap", "--target", "http://127.0.0.1:1", "--registry-port", "0",
        "--wait", "PT0S", "--ttl", "PT1S", "--report-dir", dir.toString());
    assertEquals(1, code, out + "\n" + err);
    assertTrue(out.toString().contains("FAIL BAP-JRN-001"), out.toString());
    assertTrue(out.toString().contains("no discover reached the kit"), out.toString());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"BAP-RPL-001\""));
  }
}
