package org.uei.p2p.bap.ueiv1;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The {@link TestNetwork} of a buyer platform that speaks UEI v1 (Beckn 1.1.0) only, searching
 * through a gateway that is the test's seller receiver.
 */
public class UeiV1TestNetwork implements QuarkusTestResourceLifecycleManager {

  private final TestNetwork network = new TestNetwork();

  @Override
  public void init(Map<String, String> initArgs) {
    network.init(Map.of("role", "BAP"));
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(network.start());
    config.put("uei.wire", "uei-v1");
    config.put("uei.bap.uei-v1.gateway-url", TestPeers.peerUrl());
    config.put("uei.bap.uei-v1.city-code", "std:0522");
    return config;
  }

  @Override
  public void stop() {
    network.stop();
  }
}
