package org.uei.p2p.bpp.wave2;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.uei.p2p.node.testing.CallbackReceiver;

/**
 * {@link Wave2Mode} publishing to a catalog service the test plays: a receiver on a port chosen
 * here, whose identity is the test network's registered counterparty.
 */
public class PublishingMode implements QuarkusTestProfile {

  static final String PORT = "wave2-publish-test.cds.port";

  /** The counterparty {@link org.uei.p2p.node.testing.TestNetwork} registers for a BPP node. */
  static final String SERVICE_ID = "bap.test.peer";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> c = Wave2Buyer.nodeConfig();
    int port = CallbackReceiver.freePort();
    System.setProperty(PORT, String.valueOf(port));
    c.put("uei.bpp.wave2.catalog-service-url", "http://127.0.0.1:" + port);
    c.put("uei.bpp.wave2.catalog-service-id", SERVICE_ID);
    c.put("uei.bpp.wave2.publish-every", "1s");
    return c;
  }
}
