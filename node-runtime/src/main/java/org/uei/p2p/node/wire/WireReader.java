package org.uei.p2p.node.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Function;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.JsonBodies;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireDetector;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * Reads a body into the envelope of its wire. The body is read once into a tree (with the JSON
 * rules every wire shares: one UTF-8 text, no duplicate names, bounded numbers), its generation is
 * told from the context ({@link WireDetector}), and the tree becomes the typed envelope of the
 * action named by the endpoint on that wire. A generation the node does not speak is refused with
 * one clear error rather than judged by another wire's rules. When the detector cannot tell (no ids
 * at all) and the node speaks one wire, that wire's reader runs, so that its errors name the
 * missing members.
 */
public final class WireReader {

  private final Set<WireGeneration> wires;
  private final Function<WireGeneration, Set<String>> accepted;

  /**
   * @param wires the generations this node speaks
   * @param accepted the action names the node accepts on each of them
   */
  public WireReader(Set<WireGeneration> wires, Function<WireGeneration, Set<String>> accepted) {
    this.wires = Set.copyOf(wires);
    this.accepted = accepted;
  }

  /** The generations this reader accepts. */
  public Set<WireGeneration> wires() {
    return wires;
  }

  /**
   * Reads {@code body} as posted to the endpoint {@code endpoint} (an action's wire name).
   *
   * @throws MessageParseException with code 30000 and a path, or 40001 for a name that is no action
   *     of the body's wire or an action the node takes on another wire only
   */
  public WireEnvelope read(byte[] body, String endpoint) throws MessageParseException {
    JsonNode tree = JsonBodies.readTree(body);
    WireGeneration wire = generation(tree);
    if (!isAction(wire, endpoint)
        || !accepted.apply(wire).contains(endpoint) && acceptedElsewhere(wire, endpoint)) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.ACTION_NOT_APPLICABLE,
              "this node does not accept '" + endpoint + "' on " + wire.title(),
              ContextField.ACTION.pathOn(wire)),
          false,
          null);
    }
    if (wire == WireGeneration.IES_WAVE2) {
      if (!(tree instanceof ObjectNode)) {
        throw new MessageParseException(
            BecknError.of(
                ErrorCode.INVALID_REQUEST,
                "the body must be a JSON object with context and message",
                ""),
            false,
            null);
      }
      Wave2Action action = Wave2Action.fromWireName(endpoint).orElseThrow();
      return new WireEnvelope.Wave2(action, Wave2Envelope.fromTree((ObjectNode) tree));
    }
    if (wire == WireGeneration.UEI_V1) {
      UeiV1Action action = UeiV1Action.fromWireName(endpoint).orElseThrow();
      return new WireEnvelope.UeiV1(action, UeiV1Envelope.fromTree(object(tree)));
    }
    Action action = Action.fromWireName(endpoint).orElseThrow();
    return new WireEnvelope.Wave1(action, Envelopes.fromTree(tree, action));
  }

  private static boolean isAction(WireGeneration wire, String name) {
    return switch (wire) {
      case IES_WAVE2 -> Wave2Action.fromWireName(name).isPresent();
      case UEI_V1 -> UeiV1Action.fromWireName(name).isPresent();
      case DEG_WAVE1 -> Action.fromWireName(name).isPresent();
    };
  }

  private static ObjectNode object(JsonNode tree) throws MessageParseException {
    if (tree instanceof ObjectNode o) {
      return o;
    }
    throw new MessageParseException(
        BecknError.of(
            ErrorCode.INVALID_REQUEST,
            "the body must be a JSON object with context and message",
            ""),
        false,
        null);
  }

  // An action the node takes on no wire is refused before the body is read (the pipeline's
  // endpoint check); what only the body can tell is an action taken on another wire than its own.
  private boolean acceptedElsewhere(WireGeneration wire, String endpoint) {
    return wires.stream().anyMatch(w -> w != wire && accepted.apply(w).contains(endpoint));
  }

  /**
   * The context of a message this node wrote itself (a queued callback), of whichever wire its
   * context shows.
   *
   * @throws MessageParseException when the body is not a message of a supported wire
   */
  public static WireContext contextOf(byte[] body) throws MessageParseException {
    Wave2Envelope wave2 = Wave2Envelope.parse(body);
    WireDetector.Detection found = WireDetector.detect(wave2.toJson());
    if (!found.isSupported()) {
      throw new MessageParseException(found.error(), false, null);
    }
    return switch (found.generation()) {
      case IES_WAVE2 -> WireContext.of(wave2.context());
      case UEI_V1 -> WireContext.of(UeiV1Envelope.fromTree(wave2.toJson()).context());
      case DEG_WAVE1 -> WireContext.of(Envelopes.fromTree(wave2.toJson(), null).getContext());
    };
  }

  private WireGeneration generation(JsonNode tree) throws MessageParseException {
    WireDetector.Detection found = WireDetector.detect(tree);
    if (found.generation() == null && wires.size() == 1) {
      return wires.iterator().next();
    }
    if (!found.isSupported()) {
      throw new MessageParseException(found.error(), false, null);
    }
    if (!wires.contains(found.generation())) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "this node speaks "
                  + Wires.titles(wires)
                  + ", not "
                  + found.generation().title()
                  + " ("
                  + found.reason()
                  + ")",
              "context"),
          false,
          null);
    }
    return found.generation();
  }
}
