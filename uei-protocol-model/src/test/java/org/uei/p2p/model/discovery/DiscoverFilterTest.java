package org.uei.p2p.model.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiscoverFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  private final JsonNode item =
      json(
          "{'beckn:id':'M1','beckn:networkId':['net-a','net-b'],"
              + "'beckn:itemAttributes':{'sourceType':'SOLAR','availableQuantity':12.5},"
              + "'beckn:provider':{'beckn:id':'p1','beckn:providerAttributes':{'utilityId':'TPDDL'}}}");
  private final JsonNode offer =
      json(
          "{'beckn:id':'o1','beckn:provider':'p1','beckn:price':{'schema:price':6.5,"
              + "'schema:priceCurrency':'INR'},'beckn:offerAttributes':{'deliveryWindow':"
              + "{'schema:startTime':'2026-02-01T04:30:00Z','schema:endTime':'2026-02-01T05:30:00Z'}}}");

  DiscoverFilterTest() throws Exception {}

  private boolean matches(String expression) throws Exception {
    return DiscoverFilter.parse(expression).matches(item, offer);
  }

  @Test
  void comparesTextNumbersTimesAndArrays() throws Exception {
    assertTrue(
        matches(
            "$[?('net-b' == @.beckn:networkId && @.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    assertTrue(matches("$[?(@.beckn:itemAttributes.availableQuantity >= 12.50)]"));
    assertFalse(matches("$[?(@.beckn:itemAttributes.availableQuantity > 12.5)]"));
    assertTrue(matches("$[?(@.beckn:price.schema:price >= 6 && @.beckn:price.schema:price <= 7)]"));
    assertTrue(
        matches(
            "$[?(@.beckn:offerAttributes.deliveryWindow.schema:startTime >= '2026-02-01T10:00:00+05:30')]"));
    assertFalse(
        matches(
            "$[?(@.beckn:offerAttributes.deliveryWindow.schema:startTime > '2026-02-01T10:00:00+05:30')]"));
    assertTrue(matches("$[?(@.beckn:provider.beckn:providerAttributes.utilityId != 'BRPL')]"));
  }

  @Test
  void offerFieldsWinOverItemFieldsOfTheSameName() throws Exception {
    assertTrue(matches("$[?(@.beckn:id == 'o1')]"));
    assertFalse(matches("$[?(@.beckn:id == 'M1')]"));
  }

  @Test
  void missingPathsAndMismatchedTypesNeverMatch() throws Exception {
    assertFalse(matches("$[?(@.beckn:nothing == 'x')]"));
    assertFalse(matches("$[?(@.beckn:itemAttributes.sourceType > 3)]"));
    assertTrue(DiscoverFilter.parse(null).matches(item, offer));
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    for (String e :
        new String[] {
          "$[?(@.a == 1 || @.b == 2)]",
          "$..items",
          "$[?(!(@.a == 1))]",
          "$[?(@.a =~ /x/)]",
          "$[?(@.a == unquoted)]",
          "$[?(@.a)]",
          "$[?(@.a == 'open)]"
        }) {
      assertThrows(
          DiscoverFilter.UnsupportedFilterException.class, () -> DiscoverFilter.parse(e), e);
    }
  }
}
