package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NodeProcess#start} runs the documented start command (C1 alone unless a bench asks for the
 * JVM's default JIT) and is ready only when the process it started answers: a port taken by another
 * server between the choice of a free port and the node's bind must fail the start, not let the
 * caller talk to someone else's node.
 */
class NodeProcessTest {

  private static final Duration START = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void theStartCommandRunsC1AloneUnlessTheBenchAsksForTheJvmDefault() {
    assertEquals(List.of(NodeProcess.C1_ONLY), NodeProcess.jitOption(null));
    assertEquals(List.of(NodeProcess.C1_ONLY), NodeProcess.jitOption("c1"));
    assertEquals(List.of(), NodeProcess.jitOption("tiered"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NodeProcess.jitOption("c2"));
    assertEquals("UEI_NODE_JIT must be c1 or tiered, not 'c2'", e.getMessage());
  }

  @Test
  void anotherServerAnsweringOnThePortFailsTheStart() throws Exception {
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    long otherPid = ProcessHandle.current().pid();
    other.createContext("/q/health/ready", exchange -> FakeNode.answerUp(exchange, otherPid));
    other.start();
    int port = other.getAddress().getPort();
    try (NodeProcess node =
        new NodeProcess("fake-node", fakeNodeJar(), Map.of(), port, dir.resolve("node.log"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> node.start(START));
      assertTrue(e.getMessage().contains("port " + port), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + otherPid), e.getMessage());
      assertTrue(e.getMessage().contains("another process holds the port"), e.getMessage());
      assertEquals(
          Boolean.TRUE,
          Await.until(() -> node.isAlive() ? null : Boolean.TRUE, START),
          "the node that lost the port has ended");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void aServerThatDoesNotReportItsPidIsNotTakenForTheNode() throws Exception {
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    other.createContext(
        "/q/health/ready",
        exchange -> {
          byte[] up = "{\"status\":\"UP\",\"checks\":[]}".getBytes();
          exchange.sendResponseHeaders(200, up.length);
          try (var out = exchange.getResponseBody()) {
            out.write(up);
          }
        });
    other.start();
    int port = other.getAddress().getPort();
    try (NodeProcess node =
        new NodeProcess("fake-node", fakeNodeJar(), Map.of(), port, dir.resolve("node.log"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> node.start(START));
      assertTrue(e.getMessage().contains("does not report its pid"), e.getMessage());
    } finally {
      other.stop(0);
    }
  }

  @Test
  void theStartedNodeAnsweringOnAFreePortIsReady() throws Exception {
    int port = LoopbackSubscribers.freePort();
    try (NodeProcess node =
        new NodeProcess("fake-node", fakeNodeJar(), Map.of(), port, dir.resolve("node.log"))) {
      node.start(START);
      assertTrue(node.isAlive());
      assertEquals(200, Json.get(node.url() + "/q/health/ready").status());
      node.stop();
      assertFalse(node.isAlive());
    }
  }

  /** {@link FakeNode} alone in a runnable jar. */
  private Path fakeNodeJar() throws IOException {
    Path jar = dir.resolve("fake-node.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeNode.class.getName());
    String entry = FakeNode.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        InputStream in = FakeNode.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
