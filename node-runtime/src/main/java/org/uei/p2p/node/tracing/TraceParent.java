package org.uei.p2p.node.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * A trace context as a W3C {@code traceparent} value, so that it can be stored with work done later
 * (a queued callback, sent from another thread or another instance) and restored then. Only valid
 * contexts are written, and a stored value is parsed as strictly as one received in a header: a
 * corrupted value restores to no parent, never to an exception.
 */
public final class TraceParent {

  /** Longest value stored: version 00 takes 55 characters; later versions may append fields. */
  public static final int MAX_LENGTH = 128;

  /** The HTTP header, and the key a context is injected under. */
  public static final String HEADER = "traceparent";

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceParent() {}

  /** The {@code traceparent} of the span current on this thread, or null when there is none. */
  public static String current() {
    return of(Context.current());
  }

  /** The {@code traceparent} of the span in {@code context}, or null when it has no valid one. */
  public static String of(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance()
        .inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
    String value = carrier.get(HEADER);
    return value != null && value.length() <= MAX_LENGTH ? value : null;
  }

  /**
   * A context whose span is the remote parent {@code traceparent} names; the root context when it
   * is null or not a valid {@code traceparent}.
   */
  public static Context restore(String traceparent) {
    if (traceparent == null || traceparent.length() > MAX_LENGTH) {
      return Context.root();
    }
    Map<String, String> carrier = Map.of(HEADER, traceparent);
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
  }
}
