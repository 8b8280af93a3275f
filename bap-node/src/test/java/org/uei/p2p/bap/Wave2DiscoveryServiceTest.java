package org.uei.p2p.bap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestPeers;

/**
 * A wave-2 discovery service answers discover with the catalogs of the sellers it indexed: the
 * buyer app sees each offer with the seller that sells it, and orders from that seller directly, at
 * the URL its catalog names.
 */
@QuarkusTest
@QuarkusTestResource(value = Wave2TestNetwork.class, restrictToAnnotatedClass = true)
class Wave2DiscoveryServiceTest {

  private static final String SELLER = "seller.via-discovery.test";
  private static CallbackReceiver receiver;
  private static Wave2Buyer buyer;

  @BeforeAll
  static void start() {
    receiver = CallbackReceiver.forPeer().start();
    buyer = new Wave2Buyer(receiver);
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  /** The discovery service's on_discover: its own context, a catalog published by SELLER. */
  private static Wave2Envelope fromService(Wave2Envelope discover, String offerId)
      throws Exception {
    ObjectNode tree =
        Wave2SellerSide.onDiscover(discover, List.of(Wave2Buyer.offer(offerId))).toJson();
    ((ObjectNode) tree.at("/message/catalogs/0")).put("bppId", SELLER);
    return Wave2Envelope.fromTree(tree);
  }

  @Test
  void offersFoundThroughTheDiscoveryServiceAreOrderedFromTheirSeller() throws Exception {
    JsonPath d = buyer.async("discover", Map.of());
    String mid = d.getString("messageId");
    buyer.ack(fromService(buyer.sent("discover", mid), "cds-offer"));
    JsonPath offers = buyer.answered(mid);
    assertEquals(SELLER, offers.getString("offers.find { it.offerId == 'cds-offer' }.bppId"));

    JsonPath i =
        buyer.async(
            "init",
            Map.of(
                "transactionId",
                d.getString("transactionId"),
                "bppId",
                SELLER,
                "buyer",
                Map.of("id", "buyer-cds", "meterId", "TEST_BRPL_M0001", "discomId", "BRPL"),
                "items",
                List.of(Map.of("offerId", "cds-offer", "quantityKwh", 2))));
    Wave2Envelope init = buyer.sent("init", i.getString("messageId"));
    assertEquals(SELLER, init.context().bppId(), "the init goes to the seller, not the service");
    assertEquals(TestPeers.peerUrl(), init.context().bppUri());
    assertTrue(init.message().contract().toJson().toString().contains("cds-offer"));
  }
}
