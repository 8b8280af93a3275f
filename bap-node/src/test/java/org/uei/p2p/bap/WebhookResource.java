package org.uei.p2p.bap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.uei.p2p.node.testing.CallbackReceiver;

/** Points the buyer platform's webhook at a port the test then listens on. */
public class WebhookResource implements QuarkusTestResourceLifecycleManager {

  static final String SECRET = "webhook-test-secret";

  @Override
  public Map<String, String> start() {
    int port = CallbackReceiver.freePort();
    System.setProperty("uei-test.webhook.port", Integer.toString(port));
    return Map.of(
        "uei.bap.webhook.url",
        "http://127.0.0.1:" + port + "/results",
        "uei.bap.webhook.secret",
        SECRET);
  }

  @Override
  public void stop() {}

  static int port() {
    return Integer.getInteger("uei-test.webhook.port");
  }
}
