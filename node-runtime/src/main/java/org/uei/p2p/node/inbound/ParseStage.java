package org.uei.p2p.node.inbound;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.node.wire.WireReader;

/**
 * Tells the body's wire and reads it into the typed envelope of the endpoint's action on that wire
 * ({@link WireReader}); broken JSON, wrong types, a generation the node does not speak or a context
 * action other than the endpoint's give 400.
 */
public class ParseStage implements InboundStage {

  private static final Set<String> WAVE1_ACTIONS =
      Arrays.stream(Action.values()).map(Action::wireName).collect(Collectors.toUnmodifiableSet());

  private final WireReader reader;

  /** A stage for a node that speaks wave 1 only and takes every wave-1 action. */
  public ParseStage() {
    this(
        new WireReader(
            Set.of(WireGeneration.DEG_WAVE1),
            w -> w == WireGeneration.DEG_WAVE1 ? WAVE1_ACTIONS : Set.of()));
  }

  /** A stage reading with {@code reader} (the node's wires and the actions it takes on each). */
  public ParseStage(WireReader reader) {
    this.reader = reader;
  }

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    WireEnvelope parsed;
    try {
      parsed = reader.read(exchange.body(), exchange.endpoint());
    } catch (MessageParseException e) {
      int status = ErrorCode.ACTION_NOT_APPLICABLE.code().equals(e.error().getCode()) ? 404 : 400;
      throw new InboundRejection(status, e.error(), Map.of());
    }
    // A body of just 'null' parses to no envelope at all.
    if (parsed instanceof WireEnvelope.Wave1 w
            && (w.envelope() == null || w.envelope().getContext() == null)
        || parsed instanceof WireEnvelope.Wave2 w2 && w2.envelope().context() == null
        || parsed instanceof WireEnvelope.UeiV1 v1 && v1.envelope().context() == null) {
      throw InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, "context is missing", "context");
    }
    WireContext c = parsed.context();
    String action = c.action();
    if (!exchange.endpoint().equals(action)) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "context.action is '"
              + action
              + "' but the message was posted to /"
              + exchange.endpoint(),
          c.path(ContextField.ACTION));
    }
    exchange.parsed(parsed);
  }

  @Override
  public String name() {
    return "parse";
  }
}
