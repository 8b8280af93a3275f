package org.uei.p2p.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.json.BecknJson;

class WireDetectorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select.json",
        "on_discover.json",
        "confirm.json",
        "on_status.json",
        "discover.json"
      })
  void wave1FixturesAreWave1(String name) {
    assertEquals(WireGeneration.DEG_WAVE1, WireDetector.detect(Fixtures.tree(name)).generation());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wave2/init.json",
        "wave2/on_init.json",
        "wave2/on_status.json",
        "wave2/catalog_publish.json",
        "wave2/discover.json"
      })
  void wave2FixturesAreWave2(String name) {
    WireDetector.Detection d = WireDetector.detect(Fixtures.tree(name));
    assertEquals(WireGeneration.IES_WAVE2, d.generation());
    assertTrue(d.isSupported());
    assertNull(d.error());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ueiv1/search.json",
        "ueiv1/on_search.json",
        "ueiv1/confirm.json",
        "ueiv1/status.json",
        "ueiv1/on_support.json"
      })
  void ueiV1FixturesAreUeiV1(String name) {
    WireDetector.Detection d = WireDetector.detect(Fixtures.tree(name));
    assertEquals(WireGeneration.UEI_V1, d.generation());
    assertTrue(d.isSupported());
    assertNull(d.error());
    assertEquals("context.version is 1.1.0 (Beckn 1.x)", d.reason());
  }

  @Test
  void aBeckn1xCoreVersionIsUeiV1Too() throws Exception {
    WireDetector.Detection d =
        WireDetector.detect(
            json(
                "{\"context\":{\"domain\":\"uei:p2p-trading\",\"core_version\":\"1.1.0\",\"action\":\"search\",\"transaction_id\":\"t\"}}"));
    assertEquals(WireGeneration.UEI_V1, d.generation());
    assertEquals("context.core_version is 1.1.0 (Beckn 1.x)", d.reason());
    assertEquals(WireGeneration.UEI_V1, WireGeneration.fromShortName("uei-v1").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{\"message\":{}}",
        "{\"context\":\"init\",\"message\":{}}",
        "{\"context\":{\"action\":\"init\"},\"message\":{}}",
        "{\"context\":{\"transactionId\":\"t\",\"message_id\":\"m\"},\"message\":{}}"
      })
  void anythingElseIsOneClearError(String body) throws Exception {
    WireDetector.Detection d = WireDetector.detect(json(body));
    assertNull(d.generation());
    assertEquals("30000", d.error().getCode());
    assertTrue(
        d.error().getMessage().startsWith("not a Beckn message of a supported generation: "),
        d.error().getMessage());
  }

  private static JsonNode json(String s) throws Exception {
    return BecknJson.readTree(s.getBytes(StandardCharsets.UTF_8));
  }
}
