package org.uei.p2p.registry.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

  @Test
  void aFreePortCanBeBoundAndIsOutOfTheWayOfOutgoingConnections() throws Exception {
    int port = LoopbackPorts.free();
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    int start = LoopbackPorts.ephemeralStart().orElseThrow();
    assertTrue(
        port >= LoopbackPorts.LOWEST && port < start,
        port + " is not below the ephemeral range, which starts at " + start);
  }
}
