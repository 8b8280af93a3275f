package org.uei.p2p.node.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.tracing.MessageLog;
import org.uei.p2p.node.tracing.Tracing;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.Wires;

/**
 * The ordered inbound stages, set here and nowhere else: body size, header size, backlog,
 * signature, parse (which tells the body's wire), validate (that wire's rules), domain or network,
 * context times, sender binding, sender URI, then replay and admission (reads, in one transaction),
 * then store. The order is part of the contract: nothing is parsed before the size check, nothing
 * is stored before every check passed, and the ACK follows the store. The store writes the
 * replay-guard row and the message in one transaction, so they commit together or not at all: a
 * crash cannot leave a guard row that makes the sender's retry look like a replay.
 */
@ApplicationScoped
public class InboundPipeline {

  private final BodySizeStage size;
  private final Set<WireGeneration> wires;
  private final Set<String> endpoints;
  private final List<InboundStage> checks;
  private final List<InboundStage> reads;
  private final StoreStage store;
  private final ParseStage parse;
  private final MeterRegistry metrics;
  private final Tracing tracing;

  @Inject
  public InboundPipeline(
      BodySizeStage size,
      HeaderSizeStage headers,
      BacklogStage backlog,
      SignatureStage signature,
      ParseStage parse,
      ValidateStage validate,
      DomainStage domain,
      ContextTimesStage times,
      SenderBindingStage binding,
      SenderUriStage senderUri,
      ReplayStage replay,
      AdmissionStage admission,
      StoreStage store,
      MeterRegistry metrics,
      BecknHandler handler,
      NodeConfig config,
      Tracing tracing) {
    this.size = size;
    this.wires = Wires.parse(config.wire());
    Set<String> names = new HashSet<>();
    wires.forEach(w -> names.addAll(handler.accepts(w)));
    this.endpoints = Set.copyOf(names);
    this.checks =
        List.of(
            size, headers, backlog, signature, parse, validate, domain, times, binding, senderUri);
    this.reads = List.of(replay, admission);
    this.store = store;
    this.parse = parse;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /**
   * The first check, before the body is read: whether this node accepts the action an endpoint path
   * names ({@code init}, {@code catalog/publish}) on any wire it speaks. Which wire the body is of,
   * and whether the node takes the action on that one, the parse stage decides.
   */
  public boolean accepts(String actionName) {
    return endpoints.contains(actionName);
  }

  /** The wires this node speaks ({@code uei.wire}). */
  public Set<WireGeneration> wires() {
    return wires;
  }

  /**
   * How many body bytes to read: one past the limit, so that the size stage sees an oversized body.
   */
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
    try (MessageLog log = MessageLog.open();
        Phases phases = new Phases(tracing, Span.current())) {
      run(exchange, log, phases);
    }
  }

  /**
   * The stages in three traced phases: {@code uei.inbound.verify} (size, headers, backlog,
   * signature), {@code uei.inbound.validate} (parse to admission) and {@code uei.inbound.store}.
   */
  private void run(InboundExchange exchange, MessageLog log, Phases phases)
      throws InboundRejection {
    InboundStage[] current = new InboundStage[1];
    try {
      phases.begin("uei.inbound.verify");
      for (InboundStage stage : checks) {
        if (stage == parse) {
          phases.begin("uei.inbound.validate");
        }
        current[0] = stage;
        stage.apply(exchange);
        if (stage == parse) {
          WireContext c = exchange.wireContext();
          log.about(exchange.endpoint(), c.transactionId(), c.messageId());
          phases.describe(exchange.endpoint(), c.transactionId(), c.messageId());
        }
      }
      read(exchange, current);
      phases.begin("uei.inbound.store");
      current[0] = store;
      store.apply(exchange);
    } catch (InboundRejection | RuntimeException e) {
      phases.failed(current[0] == null ? "none" : current[0].name(), e);
      if (e instanceof InboundRejection r) {
        logRefusal(exchange, current[0], r);
      }
      String outcome = e instanceof InboundRejection r ? r.error().getCode() : "error";
      metrics
          .counter(
              "uei.inbound.refused",
              "action",
              exchange.endpoint(),
              "wire",
              wireTag(exchange),
              "stage",
              current[0] == null ? "none" : current[0].name(),
              "code",
              outcome)
          .increment();
      throw e;
    }
    metrics
        .counter("uei.inbound.accepted", "action", exchange.endpoint(), "wire", wireTag(exchange))
        .increment();
  }

  /** The replay look-up and admission, in one transaction: they only read. */
  private void read(InboundExchange exchange, InboundStage[] current) throws InboundRejection {
    try {
      QuarkusTransaction.requiringNew()
          .call(
              () -> {
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

  private static String wireTag(InboundExchange exchange) {
    return exchange.wire() == null ? "unknown" : exchange.wire().shortName();
  }

  /**
   * One line per refused message with the reason the sender was given, so that operators see why.
   */
  private static void logRefusal(InboundExchange exchange, InboundStage stage, InboundRejection r) {
    WireContext c = exchange.wireContext();
    String which =
        c == null
            ? ""
            : " "
                + c.messageId()
                + " of transaction "
                + c.transactionId()
                + " from "
                + exchange.contextSender();
    String more = r.errors().size() > 1 ? " (and " + (r.errors().size() - 1) + " more)" : "";
    String line =
        String.format(
            "refused %s%s at %s: HTTP %d NACK %s %s%s",
            exchange.endpoint(),
            which,
            stage.name(),
            r.httpStatus(),
            r.error().getCode(),
            r.error().getMessage(),
            more);
    // Ids and reasons quote what the sender wrote; a line break in them must not forge a log line.
    Log.info(line.replace('\r', ' ').replace('\n', ' '));
  }

  /** The handler's view of an exchange that passed parsing. */
  public static InboundMessage toMessage(InboundExchange exchange) {
    String sender =
        exchange.signature() != null ? exchange.signature().signerId() : exchange.contextSender();
    return new InboundMessage(
        exchange.storedId(), exchange.parsed(), sender, exchange.receivedAt(), exchange.admitted());
  }
}
