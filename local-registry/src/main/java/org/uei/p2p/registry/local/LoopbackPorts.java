package org.uei.p2p.registry.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for local networks and tests: a server that is told its port now and binds it later (a node
 * process whose port is in the registry before it starts, a test's callback receiver started again
 * for each test class) must not find it taken in between. A port from binding port 0 is in the
 * kernel's ephemeral range, which the kernel also gives every outgoing connection as its local
 * port: one of the nodes' own client connections can take it. So ports are drawn below that range
 * (read from {@code /proc/sys/net/ipv4/ip_local_port_range}), where no outgoing connection goes,
 * and from port 0 only where that range cannot be read or leaves no room below it.
 */
public final class LoopbackPorts {

  /** Lowest port drawn: above the well-known and the usual service ports. */
  static final int LOWEST = 10_000;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private LoopbackPorts() {}

  /** A port of 127.0.0.1 that no socket held a moment ago. */
  public static int free() {
    int below = ephemeralStart().orElse(LOWEST);
    for (int tries = 0; below - LOWEST >= 1_000 && tries < 100; tries++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (bindable(port)) {
        return port;
      }
    }
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first port of the kernel's ephemeral range, when it can be read. */
  static Optional<Integer> ephemeralStart() {
    // Read by line: a /proc file reports a size of 0, and a whole-file read stops short.
    try (BufferedReader in = Files.newBufferedReader(EPHEMERAL_RANGE)) {
      String[] range = in.readLine().trim().split("\\s+");
      return Optional.of(Integer.parseInt(range[0]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
