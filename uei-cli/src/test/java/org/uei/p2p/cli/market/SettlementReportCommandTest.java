package org.uei.p2p.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/** {@code uei settlement report --dre} asks the node's DRE API and prints its answer as it is. */
class SettlementReportCommandTest {

  @Test
  void dreReportOfAMonth() throws Exception {
    List<String> asked = new ArrayList<>();
    HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext(
        "/provider/settlement/dre",
        ex -> {
          asked.add(ex.getRequestURI().toString());
          byte[] body = "DRE report 2026-11: ...\ntotal 9.20\n".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    node.start();
    try {
      String url = "http://127.0.0.1:" + node.getAddress().getPort();
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new UeiCli());
      cli.setOut(new PrintWriter(out, true));
      int exit =
          cli.execute(
              "settlement",
              "report",
              "--node",
              url,
              "--dre",
              "--month",
              "2026-11",
              "--format",
              "text");
      assertEquals(0, exit);
      assertEquals(List.of("/provider/settlement/dre?month=2026-11&format=text"), asked);
      assertTrue(out.toString().contains("total 9.20"), out.toString());

      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err, true));
      assertTrue(
          cli.execute("settlement", "report", "--node", url, "--dre", "--month", "2026-13") != 0);
      assertTrue(err.toString().contains("--month must be YYYY-MM, not '2026-13'"), err.toString());
    } finally {
      node.stop(0);
    }
  }
}
