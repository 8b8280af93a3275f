package org.uei.p2p.node.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * The synchronous answer's body in the shape of the sender's wire.
 *
 * <ul>
 *   <li>wave 1: {@code {"message":{"ack":{"status":"ACK"}}}}, a NACK adds {@code error {code,
 *       message, paths}};
 *   <li>wave 2 (Beckn 2.0 LTS {@code Ack}, {@code NackBadRequest}, {@code NackUnauthorized}):
 *       {@code {"status":"ACK"}}, a NACK adds {@code error} with the LTS members {@code errorCode}
 *       and {@code errorMessage} and the BECKN-005 members {@code code}, {@code message} and {@code
 *       paths}. The LTS {@code Error} object is open, and the network's adapters and our own
 *       readers look for either pair, so a NACK carries both with the same values.
 * </ul>
 *
 * The LTS counter-signature ({@code signature}) is not sent yet; senders treat it as optional.
 */
public final class AckBodies {

  private AckBodies() {}

  /** The ACK of {@code wire}. */
  public static byte[] ack(WireGeneration wire) {
    return body(wire, AckResponse.ack());
  }

  /** {@code answer} (ACK or NACK) in the shape of {@code wire}. */
  public static byte[] body(WireGeneration wire, AckResponse answer) {
    if (wire != WireGeneration.IES_WAVE2) {
      return answer.toWave1Json();
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("status", answer.isAck() ? "ACK" : "NACK");
    BecknError error = answer.error();
    if (error != null) {
      ObjectNode e = root.putObject("error");
      e.put("errorCode", error.getCode());
      e.put("errorMessage", error.getMessage());
      e.put("code", error.getCode());
      e.put("message", error.getMessage());
      if (error.getPaths() != null && !error.getPaths().isEmpty()) {
        e.put("paths", error.getPaths());
      }
    }
    return BecknJson.write(root);
  }

  /**
   * The wire to answer a request in before its body was read as JSON (a refusal by the size,
   * backlog or signature check): the node's only wire; else the only wire with an action of that
   * name ({@code catalog/publish} is wave 2's, {@code catalog_publish} wave 1's); else the wire the
   * body's context member names suggest, found by a byte search that reads no JSON.
   */
  public static WireGeneration guess(Set<WireGeneration> wires, String endpoint, byte[] body) {
    if (wires.size() == 1) {
      return wires.iterator().next();
    }
    boolean wave1 = org.uei.p2p.model.envelope.Action.fromWireName(endpoint).isPresent();
    boolean wave2 = org.uei.p2p.model.wave2.Wave2Action.fromWireName(endpoint).isPresent();
    if (wave1 != wave2) {
      return wave2 ? WireGeneration.IES_WAVE2 : WireGeneration.DEG_WAVE1;
    }
    return body != null && (contains(body, "\"transactionId\"") || contains(body, "\"messageId\""))
        ? WireGeneration.IES_WAVE2
        : WireGeneration.DEG_WAVE1;
  }

  private static boolean contains(byte[] body, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= body.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (body[i + k] != needle[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
