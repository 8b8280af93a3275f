package org.uei.p2p.bpp.wave2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * A wave-2 contract is allocated by its DISCOMs' ledgers, never by the seller platform's own
 * settlement run: with meter data for both its meters, the run leaves it alone and it stays ACTIVE,
 * its wire recorded as wave 2.
 */
@QuarkusTest
@TestProfile(Wave2Mode.class)
@QuarkusTestResource(TestNetwork.class)
class Wave2SettlementRunTest extends Wave2NodeTest {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @Test
  void theSettlementRunLeavesAWave2ContractToItsLedgers() throws Exception {
    sellerLedger.answering(true);
    EnergyOffer offer = discovered(publish("4.55", "3"));
    TradeContract active = confirmed(offer, "2", UUID.randomUUID().toString());
    String orderId = active.order().orderId();
    given()
        .get("/provider/orders/" + orderId)
        .then()
        .statusCode(200)
        .body("wire", equalTo("wave2"))
        .body("status", equalTo("ACTIVE"));

    ZonedDateTime s = offer.slot().start().atZone(IST);
    String csv =
        "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
            + offer.seller().meterId()
            + ","
            + s.toOffsetDateTime()
            + ",60,0,2\n"
            + active.order().buyer().meterId()
            + ","
            + s.toOffsetDateTime()
            + ",60,2,0\n";
    given()
        .contentType("text/csv")
        .body(csv)
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200)
        .body("rejections.size()", equalTo(0));

    given()
        .post("/provider/settlement/run?day=" + s.toLocalDate())
        .then()
        .statusCode(200)
        .body("allocated", not(hasItem(orderId + "/1")))
        .body("awaitingData", not(hasItem(orderId + "/1")))
        .body("settledOrders", not(hasItem(orderId)));
    given()
        .get("/provider/orders/" + orderId)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
  }
}
