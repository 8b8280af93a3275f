package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.node.handler.InboundMessage;

/**
 * The ordered inbound stages, set here and nowhere else: body size, header size, backlog,
 * signature, parse, validate (the wire's rules), domain, context times, sender binding, sender
 * URI, then
 * replay and admission (reads, in one transaction), then store. The order is part of the
 * contract: nothing is parsed before the size check, nothing is stored before every check passed,
 * and the ACK follows the store. The store writes the replay-guard row and the message in one
 * transaction, so they commit together or not at all: a crash cannot leave a guard row that makes
 * the sender's retry look like a replay.
 */
@ApplicationScoped
public class InboundPipeline {

  private final BodySizeStage size;
  private final java.util.Set<org.uei.p2p.model.envelope.Action> accepted;
  private final List<InboundStage> checks;
  private final List<InboundStage> reads;
  private final StoreStage store;
  private final MeterRegistry metrics;

  @Inject
  public InboundPipeline(BodySizeStage size, HeaderSizeStage headers, BacklogStage backlog, SignatureStage signature,
      ParseStage parse, ValidateStage validate, DomainStage domain, ContextTimesStage times,
      SenderBindingStage binding, SenderUriStage senderUri, ReplayStage replay, AdmissionStage admission,
      StoreStage store, MeterRegistry metrics, org.uei.p2p.node.handler.BecknHandler handler) {
    this.size = size;
    this.accepted = java.util.Set.copyOf(handler.accepts());
    this.checks = List.of(size, headers, backlog, signature, parse, validate, domain, times, binding, senderUri);
    this.reads = List.of(replay, admission);
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * The first check, before the body is read: the action an endpoint path names, if this node
   * accepts it.
   */
  public java.util.Optional<org.uei.p2p.model.envelope.Action> endpoint(String actionName) {
    return org.uei.p2p.model.envelope.Action.fromWireName(actionName).filter(accepted::contains);
  }

  /** How many body bytes to read: one past the limit, so that the size stage sees an oversized body. */
  public int readLimit() {
    return size.maxBytes() + 1;
  }

  /** The stage names in order, for diagnostics. */
  public List<String> stageNames() {
    List<String> names = new ArrayList<>();
    checks.forEach(s -> names.add(s.name()));
    reads.forEach(s -> names.add(s.name()));
    names.add(store.name());
    return names;
  }

  /**
   * Runs every stage; on success the message is stored and may be ACKed.
   *
   * @throws InboundRejection from the first stage that refused; nothing was stored
   */
  public void process(InboundExchange exchange) throws InboundRejection {
    InboundStage[] current = new InboundStage[1];
    try {
      for (InboundStage stage : checks) {
        current[0] = stage;
        stage.apply(exchange);
      }
      read(exchange, current);
      current[0] = store;
      store.apply(exchange);
    } catch (InboundRejection | RuntimeException e) {
      if (e instanceof InboundRejection r) {
        logRefusal(exchange, current[0], r);
      }
      String outcome = e instanceof InboundRejection r ? r.error().getCode() : "error";
      metrics.counter("uei.inbound.refused", "action", exchange.endpointAction().wireName(),
          "stage", current[0] == null ? "none" : current[0].name(), "code", outcome).increment();
      throw e;
    }
    metrics.counter("uei.inbound.accepted", "action", exchange.endpointAction().wireName()).increment();
  }

  /** The replay look-up and admission, in one transaction: they only read. */
  private void read(InboundExchange exchange, InboundStage[] current) throws InboundRejection {
    try {
      QuarkusTransaction.requiringNew().call(() -> {
        for (InboundStage stage : reads) {
          current[0] = stage;
          stage.apply(exchange);
        }
        return null;
      });
    } catch (RuntimeException e) {
      throw org.uei.p2p.node.store.Causes.find(e, InboundRejection.class).orElseThrow(() -> e);
    }
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

  /** The handler's view of an exchange that passed parsing. */
  public static InboundMessage toMessage(InboundExchange exchange) {
    String sender = exchange.signature() != null ? exchange.signature().signerId() : exchange.contextSender();
    return new InboundMessage(exchange.storedId(), exchange.endpointAction(), exchange.envelope(), sender,
        exchange.receivedAt());
  }
}
