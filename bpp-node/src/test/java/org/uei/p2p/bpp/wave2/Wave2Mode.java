package org.uei.p2p.bpp.wave2;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Wave 1 and wave 2 on one node, ledgers as {@link Wave2Buyer#nodeConfig()} sets them. */
public class Wave2Mode implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Wave2Buyer.nodeConfig();
  }
}
