package org.uei.p2p.bpp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.uei.p2p.node.testing.TestNetwork;

/** The seller node's business metrics: cascades, meter data imports, settlement runs. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class SellerMetricsTest {

  private static double value(String metrics, String series) {
    var m =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  @Test
  void importsRejectedRowsCascadesAndSettlementRunsAreCounted() {
    double rejectedBefore =
        Math.max(0, value(metrics(), "uei_meterdata_rows_total{outcome=\"rejected\"}"));
    given()
        .contentType("text/csv")
        .body(
            "meter_id,block_start,block_minutes,import_kwh,export_kwh\n"
                + "DL-METRICS-1,not-a-time,60,1.0,0.0\n")
        .post("/provider/meter-data/csv")
        .then()
        .statusCode(200);
    given()
        .post("/provider/settlement/run?day=" + LocalDate.now().minusDays(30))
        .then()
        .statusCode(200);
    String m = metrics();
    assertTrue(value(m, "uei_meterdata_rows_total{outcome=\"rejected\"}") >= rejectedBefore + 1, m);
    assertTrue(value(m, "uei_meterdata_imports_total") >= 1, m);
    assertTrue(value(m, "uei_cascade_legs{state=\"OK\"}") >= 0, m);
    assertTrue(value(m, "uei_cascade_requests{state=\"PENDING\"}") >= 0, m);
    assertTrue(
        Pattern.compile("^uei_settlement_runs_seconds_count\\{.*\\} [1-9]", Pattern.MULTILINE)
            .matcher(m)
            .find(),
        m);
  }
}
