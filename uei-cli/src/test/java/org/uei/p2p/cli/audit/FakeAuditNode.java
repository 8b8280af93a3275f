package org.uei.p2p.cli.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.verify.KnownHeadFile;
import org.uei.p2p.audit.verify.LogExport;

/**
 * The {@code /audit} API of a node, served from a log the test built: it presents {@code current}
 * at {@code /audit/sth}, proves consistency from its own {@code log}, and serves {@code export} as
 * the export, which a dishonest node cuts back to an older head.
 */
final class FakeAuditNode implements AutoCloseable {

  private final HttpServer server;

  FakeAuditNode(MerkleLog log, SignedTreeHead current, LogExport export) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext("/audit/sth", ex -> send(ex, 200, KnownHeadFile.write(current)));
    server.createContext(
        "/audit/export",
        ex -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          export.write(out);
          send(ex, 200, out.toByteArray());
        });
    server.createContext(
        "/audit/proof/consistency",
        ex -> {
          Map<String, Long> q = query(ex);
          ConsistencyProof proof;
          try {
            proof = log.consistencyProof(q.get("first"), q.get("second"));
          } catch (RuntimeException e) {
            send(
                ex,
                400,
                ("{\"error\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
          }
          String path =
              proof.path().stream()
                  .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"")
                  .collect(Collectors.joining(","));
          send(
              ex,
              200,
              ("{\"first\":"
                      + proof.firstSize()
                      + ",\"second\":"
                      + proof.secondSize()
                      + ",\"consistency_path\":["
                      + path
                      + "]}")
                  .getBytes(StandardCharsets.UTF_8));
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static Map<String, Long> query(HttpExchange ex) {
    return List.of(ex.getRequestURI().getQuery().split("&")).stream()
        .map(p -> p.split("="))
        .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1])));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
