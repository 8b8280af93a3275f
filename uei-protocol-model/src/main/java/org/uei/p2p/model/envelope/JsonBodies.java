package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonProblems;
import org.uei.p2p.model.json.TreeLimits;

/**
 * Reads bodies for the generations whose messages are views over the parsed tree (IES wave 2, UEI
 * v1): one JSON object, read by {@link BecknJson} (one UTF-8 JSON text, bounded numbers, no
 * duplicate names) and checked by {@link TreeLimits}. Every refusal is a {@link
 * MessageParseException} with code 30000 and the JSON path.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** Reads one JSON text of any kind, with the wire's parsing rules. */
  public static JsonNode readTree(byte[] body) throws MessageParseException {
    try {
      return BecknJson.readTree(body);
    } catch (IOException e) {
      JsonProblems.Problem p = JsonProblems.of(e);
      throw new MessageParseException(
          BecknError.of(ErrorCode.INVALID_REQUEST, p.message(), p.path()), p.notJson(), e);
    }
  }

  /** Reads one JSON object and checks its limits. */
  public static ObjectNode readObject(byte[] body) throws MessageParseException {
    JsonNode tree = readTree(body);
    if (!(tree instanceof ObjectNode o)) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "the body must be a JSON object with context and message",
              ""),
          false,
          null);
    }
    check(o);
    return o;
  }

  /** Checks the limits of every number and string in {@code tree}. */
  public static void check(ObjectNode tree) throws MessageParseException {
    JsonProblems.Problem p = TreeLimits.firstProblem(tree);
    if (p != null) {
      throw new MessageParseException(
          BecknError.of(ErrorCode.INVALID_REQUEST, p.message(), p.path()), false, null);
    }
  }
}
