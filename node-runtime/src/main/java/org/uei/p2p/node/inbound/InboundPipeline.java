package org.uei.p2p.node.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.node.handler.InboundMessage;

/**
 * The ordered inbound stages: body size, signature, parse, validate, sender binding, replay,
 * admission, store. The order is part of the contract: nothing is parsed before the size check,
 * nothing is stored before every check passed, and the ACK follows the store.
 */
@ApplicationScoped
public class InboundPipeline {

  private final List<InboundStage> stages;
  private final MeterRegistry metrics;

  @Inject
  public InboundPipeline(BodySizeStage size, SignatureStage signature, ParseStage parse, ValidateStage validate,
      SenderBindingStage binding, ReplayStage replay, AdmissionStage admission, StoreStage store,
      MeterRegistry metrics) {
    this.stages = List.of(size, signature, parse, validate, binding, replay, admission, store);
    this.metrics = metrics;
  }

  /** The stage names in order, for diagnostics. */
  public List<String> stageNames() {
    return stages.stream().map(InboundStage::name).toList();
  }

  /**
   * Runs every stage; on success the message is stored and may be ACKed.
   *
   * @throws InboundRejection from the first stage that refused; earlier stages were undone
   */
  public void process(InboundExchange exchange) throws InboundRejection {
    List<InboundStage> done = new ArrayList<>(stages.size());
    for (InboundStage stage : stages) {
      try {
        stage.apply(exchange);
      } catch (InboundRejection | RuntimeException e) {
        undo(done, exchange);
        if (e instanceof InboundRejection r) {
          logRefusal(exchange, stage, r);
        }
        String outcome = e instanceof InboundRejection r ? r.error().getCode() : "error";
        metrics.counter("uei.inbound.refused", "action", exchange.endpointAction().wireName(),
            "stage", stage.name(), "code", outcome).increment();
        throw e;
      }
      done.add(stage);
    }
    metrics.counter("uei.inbound.accepted", "action", exchange.endpointAction().wireName()).increment();
  }

  /** One line per refused message with the reason the sender was given, so that operators see why. */
  private static void logRefusal(InboundExchange exchange, InboundStage stage, InboundRejection r) {
    Context c = exchange.context();
    String which = c == null ? "" : " " + c.getMessageId() + " of transaction " + c.getTransactionId() + " from "
        + exchange.contextSender();
    String more = r.errors().size() > 1 ? " (and " + (r.errors().size() - 1) + " more)" : "";
    String line = String.format("refused %s%s at %s: HTTP %d NACK %s %s%s", exchange.endpointAction().wireName(),
        which, stage.name(), r.httpStatus(), r.error().getCode(), r.error().getMessage(), more);
    // Ids and reasons quote what the sender wrote; a line break in them must not forge a log line.
    Log.info(line.replace('\r', ' ').replace('\n', ' '));
  }

  private static void undo(List<InboundStage> done, InboundExchange exchange) {
    for (int i = done.size() - 1; i >= 0; i--) {
      try {
        done.get(i).undo(exchange);
      } catch (RuntimeException e) {
        Log.warnf(e, "could not undo stage %s", done.get(i).name());
      }
    }
  }

  /** The handler's view of an exchange that passed parsing. */
  public static InboundMessage toMessage(InboundExchange exchange) {
    String sender = exchange.signature() != null ? exchange.signature().signerId() : exchange.contextSender();
    return new InboundMessage(exchange.storedId(), exchange.endpointAction(), exchange.envelope(), sender,
        exchange.receivedAt());
  }
}
