package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.uei.p2p.model.envelope.JsonBodies;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.NumberBounds;
import org.uei.p2p.model.json.TreeLimits;

/**
 * Reading and writing wave-2 JSON. Bytes are read by {@link BecknJson}, which already refuses
 * anything but one UTF-8 JSON text and numbers beyond {@link NumberBounds}; {@link TreeLimits} adds
 * what a tree read does not check (no NUL character, bounds on numbers built in code).
 */
public final class Wave2Json {

  private Wave2Json() {}

  /** Reads one JSON object and checks its bounds. */
  static ObjectNode read(byte[] body) throws MessageParseException {
    return JsonBodies.readObject(body);
  }

  /** Checks the bounds of every number and string in {@code tree}. */
  static void check(ObjectNode tree) throws MessageParseException {
    JsonBodies.check(tree);
  }

  /** Compact UTF-8 JSON of a tree, members in their order, numbers as read. */
  static byte[] write(JsonNode tree) {
    return BecknJson.write(tree);
  }

  /**
   * Why {@code value} is out of bounds, or {@code null} when it is within them. Shared with
   * validation so that numbers built in code meet the rule that parsed ones meet.
   */
  public static String outOfBounds(BigDecimal value) {
    return TreeLimits.outOfBounds(value);
  }
}
