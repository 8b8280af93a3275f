package org.uei.p2p.node.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The spans the runtime opens around its own work (inbound phases, handling, callback delivery,
 * sends) and the trace context it puts on the HTTP requests it sends. Only {@code traceparent} is
 * sent: a peer's {@code baggage} or {@code tracestate} is never passed on to other peers. With the
 * SDK off ({@code quarkus.otel.sdk.disabled=true}, the default) nothing is recorded, stored or
 * sent.
 */
@ApplicationScoped
public class Tracing {

  /** The Beckn transaction id of the message a span or log line is about. */
  public static final AttributeKey<String> TRANSACTION_ID =
      AttributeKey.stringKey("beckn.transaction_id");

  /** The Beckn message id. */
  public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("beckn.message_id");

  /** The Beckn action ({@code init}, {@code on_confirm}, {@code catalog/publish}). */
  public static final AttributeKey<String> ACTION = AttributeKey.stringKey("beckn.action");

  private final Tracer tracer;
  private final boolean enabled;

  @Inject
  public Tracing(Tracer tracer, Config config) {
    this(
        tracer, !config.getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class).orElse(false));
  }

  /** Tracing with {@code tracer}, on or off. */
  public Tracing(Tracer tracer, boolean enabled) {
    this.tracer = tracer;
    this.enabled = enabled;
  }

  /** Whether traces are recorded and propagated. */
  public boolean enabled() {
    return enabled;
  }

  /** Starts a span, child of the span current on this thread; the caller ends it. */
  public Span start(String name, SpanKind kind) {
    return start(name, kind, Context.current());
  }

  /** Starts a span, child of the span in {@code parent}; the caller ends it. */
  public Span start(String name, SpanKind kind, Context parent) {
    return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
  }

  /** The current span's {@code traceparent}, to store with work done later; null when off. */
  public String traceParent() {
    return enabled ? TraceParent.current() : null;
  }

  /** The context to continue a stored {@code traceparent} in; the root context when off. */
  public Context restore(String traceparent) {
    return enabled ? TraceParent.restore(traceparent) : Context.root();
  }

  /** Adds the current span's {@code traceparent} to {@code headers}, when on and there is one. */
  public void inject(Map<String, String> headers) {
    String value = traceParent();
    if (value != null) {
      headers.put(TraceParent.HEADER, value);
    }
  }

  /** Names the message {@code span} is about. Null ids (not parsed yet) are left out. */
  public static void describe(Span span, String action, String transactionId, String messageId) {
    if (action != null) {
      span.setAttribute(ACTION, action);
    }
    if (transactionId != null) {
      span.setAttribute(TRANSACTION_ID, transactionId);
    }
    if (messageId != null) {
      span.setAttribute(MESSAGE_ID, messageId);
    }
  }

  /** Marks {@code span} as failed, with a one-line reason. */
  public static void failed(Span span, String reason) {
    span.setStatus(StatusCode.ERROR, reason == null ? "" : reason.replace('\n', ' '));
  }
}
