package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.json.BecknJson;

/**
 * A meter and a delivery window the ledger needs an actual for.
 *
 * @param meterId the DISCOM's meter
 * @param start window start
 * @param end window end
 */
record MeterWindow(String meterId, Instant start, Instant end) {

  /** As a JSON array of {@code [meter, start, end]}. */
  static String encode(List<MeterWindow> windows) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (MeterWindow w : windows) {
      a.addArray().add(w.meterId()).add(w.start().toString()).add(w.end().toString());
    }
    return a.toString();
  }

  static List<MeterWindow> decode(String text) {
    List<MeterWindow> out = new ArrayList<>();
    try {
      for (JsonNode w :
          BecknJson.readTree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
        out.add(
            new MeterWindow(
                w.get(0).asText(),
                Instant.parse(w.get(1).asText()),
                Instant.parse(w.get(2).asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a stored actuals request is not JSON", e);
    }
    return out;
  }
}
