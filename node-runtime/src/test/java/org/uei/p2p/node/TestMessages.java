package org.uei.p2p.node;

import java.time.Clock;
import java.time.Duration;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/** Requests from the test peer (a BAP) to the node under test (a BPP). */
final class TestMessages {

  private TestMessages() {}

  static Context context(Action action, String bapId) {
    return Contexts.newRequest(
        action,
        new Contexts.Parties(
            TestNetwork.DOMAIN,
            bapId,
            TestPeers.peerUrl(),
            TestPeers.nodeId(),
            TestPeers.nodeUrl()),
        null,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  static byte[] discover(String bapId) {
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(new Envelope<>(context(Action.DISCOVER, bapId), m));
  }

  static byte[] status(String orderId) {
    Order order = new Order();
    order.setId(orderId);
    return Envelopes.write(
        new Envelope<>(context(Action.STATUS, TestPeers.peerId()), new OrderMessage(order)));
  }
}
