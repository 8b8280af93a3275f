package org.uei.p2p.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonDiff;

class JsonDiffTest {

  private static JsonNode json(String s) throws IOException {
    return BecknJson.readTree(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void numbersCompareByValueAndObjectsIgnoreMemberOrder() throws IOException {
    assertTrue(
        JsonDiff.equal(json("{\"a\":15.0,\"b\":[1,2.50]}"), json("{\"b\":[1.0,2.5],\"a\":15}")));
  }

  @Test
  void reportsTheFirstDifferenceWithItsPath() throws IOException {
    JsonDiff.Difference d =
        JsonDiff.firstDifference(
                json("{\"m\":{\"o\":{\"items\":[{\"q\":1},{\"q\":2}]}}}"),
                json("{\"m\":{\"o\":{\"items\":[{\"q\":1},{\"q\":3}]}}}"))
            .orElseThrow();
    assertEquals("m.o.items[1].q: 2 vs 3", d.toString());
  }

  @Test
  void missingAndExtraMembersAndTypeChangesAreDifferences() throws IOException {
    assertEquals(
        "b: 1 vs <absent>",
        JsonDiff.firstDifference(json("{\"a\":1,\"b\":1}"), json("{\"a\":1}"))
            .orElseThrow()
            .toString());
    assertEquals(
        "c: <absent> vs true",
        JsonDiff.firstDifference(json("{\"a\":1}"), json("{\"a\":1,\"c\":true}"))
            .orElseThrow()
            .toString());
    assertEquals(
        "a: \"1\" vs 1",
        JsonDiff.firstDifference(json("{\"a\":\"1\"}"), json("{\"a\":1}"))
            .orElseThrow()
            .toString());
    assertEquals(
        "a[2]: 3 vs <absent>",
        JsonDiff.firstDifference(json("{\"a\":[1,2,3]}"), json("{\"a\":[1,2]}"))
            .orElseThrow()
            .toString());
  }
}
