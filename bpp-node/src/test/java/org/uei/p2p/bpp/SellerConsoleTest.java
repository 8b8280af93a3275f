package org.uei.p2p.bpp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * The seller platform's console after a trade: the order in the list with its state, its
 * transaction's messages with their signature checks, the offer's remaining kWh, the settlements
 * page and the DISCOM billing download; and who may see them.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class SellerConsoleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Wave1Codec CODEC = new Wave1Codec();
  @RegisterExtension static final CallbackReceiver buyerPlatform = CallbackReceiver.forPeer();

  private static io.restassured.specification.RequestSpecification viewer() {
    return given().auth().preemptive().basic("watcher", "viewer-secret");
  }

  @Test
  void aConfirmedOrderShowsWithItsStateMessagesAndWhatIsLeftOfTheOffer() throws Exception {
    String prosumer = "p-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "id",
                prosumer,
                "name",
                "Console Rooftop",
                "meterId",
                "DL-" + prosumer,
                "discomId",
                "TPDDL",
                "stateCode",
                "DL",
                "installedCapacityKw",
                10))
        .post("/provider/prosumers")
        .then()
        .statusCode(201);
    String offerId =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "prosumerId",
                    prosumer,
                    "slotStart",
                    BuyerSide.tradableSlot().toString(),
                    "pricePerKwh",
                    new BigDecimal("6.25"),
                    "maxKwh",
                    new BigDecimal("9")))
            .post("/provider/offers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Envelope<Message> discover = BuyerSide.discover("$[?(@.beckn:id == '" + offerId + "')]");
    BuyerSide.post(discover).then().statusCode(200);
    EnergyOffer offer =
        CODEC
            .offers(
                Envelopes.parse(
                        buyerPlatform
                            .await("on_discover", discover.getContext().getMessageId(), WAIT)
                            .body())
                    .getMessage())
            .get(0);
    String txn = UUID.randomUUID().toString();
    TradeOrder order = BuyerSide.order(offer, new BigDecimal("4"), BuyerSide.BUYER_METER);
    Envelope<Message> init = BuyerSide.orderRequest(Action.INIT, txn, order);
    BuyerSide.post(init).then().statusCode(200);
    buyerPlatform.await("on_init", init.getContext().getMessageId(), WAIT);
    Envelope<Message> confirm = BuyerSide.orderRequest(Action.CONFIRM, txn, order);
    BuyerSide.post(confirm).then().statusCode(200);
    TradeOrder confirmed =
        CODEC.order(
            Envelopes.parse(
                    buyerPlatform
                        .await("on_confirm", confirm.getContext().getMessageId(), WAIT)
                        .body())
                .getMessage());

    viewer()
        .get("/console/seller/orders")
        .then()
        .statusCode(200)
        .body(containsString(confirmed.orderId()))
        .body(containsString("ACTIVE"))
        .body(containsString("/console/transactions/" + txn));
    // The on_confirm sent is stored with its receiver's answer once the outbox records the
    // attempt, a moment after the receiver has it.
    Poll.until(
        () -> viewer().get("/console/transactions/" + txn).asString().contains(">on_confirm<"),
        WAIT,
        "the sent on_confirm on the transaction page");
    viewer()
        .get("/console/transactions/" + txn)
        .then()
        .statusCode(200)
        .body(containsString(">init<"))
        .body(containsString(">on_confirm<"))
        .body(containsString("valid: signed by " + TestPeers.peerId()))
        .body(containsString("valid: signed by " + TestPeers.nodeId()));
    viewer()
        .get("/console/seller/offers")
        .then()
        .statusCode(200)
        .body(containsString("Console Rooftop"))
        .body(containsString("<td class=\"num remaining\">5"));
  }

  @Test
  void theSettlementsPageAndTheBillingFileAnswer() {
    viewer()
        .get("/console/seller/settlements")
        .then()
        .statusCode(200)
        .body(containsString("id=\"chart-settlement-days\""))
        .body(containsString("href=\"/console/seller/allocations?from="))
        .body(containsString("Net per counterparty"));
    viewer().get("/console/seller/settlements?from=2026-13-01").then().statusCode(400);
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    viewer()
        .get("/console/seller/billing.csv?month=" + month)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", containsString("discom-billing-" + month + ".csv"));
    viewer().get("/console/seller/billing.csv?month=November").then().statusCode(400);
  }

  @Test
  void theSellerPagesAskForALoginAndTheUtilityPagesAreNotHere() {
    given().get("/console/seller/orders").then().statusCode(401);
    viewer().get("/console/utility/flows").then().statusCode(404);
    viewer()
        .get("/console")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/console/seller/orders\""))
        .body(containsString("Settlements"));
    given().get("/provider/offers/none").then().statusCode(equalTo(404));
  }
}
