package org.uei.p2p.node.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Puts the ids of the message being worked on into the logging context (MDC), so that every log
 * line of its life carries {@code transactionId}, {@code messageId} and {@code action} (JSON logs
 * show them under {@code mdc}; a text format can print them with {@code %X{transactionId}}). The
 * trace and span ids ({@code traceId}, {@code spanId}) are added by the OpenTelemetry extension
 * while a span is current. Closing a scope restores what the thread had before: worker threads are
 * reused and must not carry one message's ids into the next.
 */
public final class MessageLog implements AutoCloseable {

  /** MDC key of the Beckn transaction id. */
  public static final String TRANSACTION_ID = "transactionId";

  /** MDC key of the Beckn message id. */
  public static final String MESSAGE_ID = "messageId";

  /** MDC key of the Beckn action. */
  public static final String ACTION = "action";

  /** MDC key of the trace id, as the OpenTelemetry extension names it. */
  public static final String TRACE_ID = "traceId";

  /** MDC key of the span id, as the OpenTelemetry extension names it. */
  public static final String SPAN_ID = "spanId";

  /** Longest id put into the context. */
  static final int MAX_ID = 256;

  private final Map<String, Object> before = new HashMap<>();

  private MessageLog() {}

  /** Opens a scope naming no message yet; {@link #about} fills it in once the ids are known. */
  public static MessageLog open() {
    return new MessageLog();
  }

  /** Opens a scope for the message with these ids; null ids are left out. */
  public static MessageLog open(String action, String transactionId, String messageId) {
    return new MessageLog().about(action, transactionId, messageId);
  }

  /**
   * Runs {@code work} with {@code trace} current (the extension then adds its trace and span ids to
   * the logging context) and the message's ids in the logging context.
   */
  public static <T> T within(
      Context trace, String action, String transactionId, String messageId, Supplier<T> work) {
    Scope scope = trace.makeCurrent();
    MessageLog log = open(action, transactionId, messageId);
    SpanContext span = Span.fromContext(trace).getSpanContext();
    if (span.isValid()) {
      // Also on threads the extension does not manage (the outbox's, the handlers').
      log.put(TRACE_ID, span.getTraceId());
      log.put(SPAN_ID, span.getSpanId());
    }
    try {
      return work.get();
    } finally {
      log.close();
      scope.close();
    }
  }

  /** Names the message this scope is about; null ids are left out. */
  public MessageLog about(String action, String transactionId, String messageId) {
    put(ACTION, action);
    put(TRANSACTION_ID, transactionId);
    put(MESSAGE_ID, messageId);
    return this;
  }

  private void put(String key, String value) {
    if (value == null) {
      return;
    }
    if (!before.containsKey(key)) {
      before.put(key, MDC.get(key));
    }
    // Ids quote what a sender wrote, before validation: bounded, and a line break must not forge a
    // line in a text log.
    String kept = value.length() <= MAX_ID ? value : value.substring(0, MAX_ID);
    MDC.put(key, kept.replace('\r', ' ').replace('\n', ' '));
  }

  @Override
  public void close() {
    before.forEach(
        (key, previous) -> {
          if (previous == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, previous);
          }
        });
    before.clear();
  }
}
