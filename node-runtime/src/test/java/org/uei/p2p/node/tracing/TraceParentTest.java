package org.uei.p2p.node.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The trace context a queued callback carries: written as a {@code traceparent} on one thread,
 * restored on another (as the outbox worker, or another instance, does), continued by a child span
 * of the same trace; and anything that is not a valid {@code traceparent} restores to no parent.
 */
class TraceParentTest {

  private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder().build();
  private static final Tracing ON = new Tracing(PROVIDER.get("test"), true);
  private static final Tracing OFF = new Tracing(PROVIDER.get("test"), false);

  @AfterAll
  static void close() {
    PROVIDER.close();
  }

  private static <T> T inside(Span span, java.util.function.Supplier<T> work) {
    return MessageLog.within(Context.root().with(span), null, null, null, work);
  }

  @Test
  void aStoredTraceParentIsContinuedOnAnotherThread() throws Exception {
    Span handle = ON.start("uei.inbound.handle", SpanKind.INTERNAL, Context.root());
    String stored = inside(handle, ON::traceParent);
    handle.end();
    SpanContext original = handle.getSpanContext();
    assertEquals(
        "00-" + original.getTraceId() + "-" + original.getSpanId() + "-01", stored, "W3C form");

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      ReadableSpan deliver =
          other
              .submit(
                  () -> {
                    assertFalse(Span.current().getSpanContext().isValid(), "nothing inherited");
                    Span s = ON.start("uei.outbox.deliver", SpanKind.INTERNAL, ON.restore(stored));
                    s.end();
                    return (ReadableSpan) s;
                  })
              .get();
      assertEquals(original.getTraceId(), deliver.getSpanContext().getTraceId());
      assertEquals(original.getSpanId(), deliver.getParentSpanContext().getSpanId());
      assertTrue(deliver.getParentSpanContext().isRemote(), "restored from the row, not in memory");
      assertTrue(deliver.getSpanContext().isSampled(), "the sampling decision travels with it");
    } finally {
      other.shutdown();
    }
  }

  @Test
  void sendsCarryOnlyTheTraceParent() {
    Span send = ON.start("POST on_init", SpanKind.CLIENT, Context.root());
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Authorization", "Signature keyId=\"x|k1|ed25519\"");
    inside(
        send,
        () -> {
          ON.inject(headers);
          return null;
        });
    send.end();
    assertEquals(
        java.util.List.of("Authorization", TraceParent.HEADER),
        java.util.List.copyOf(headers.keySet()));
    assertTrue(headers.get(TraceParent.HEADER).contains(send.getSpanContext().getSpanId()));
  }

  @Test
  void withTracingOffNothingIsStoredSentOrRestored() {
    Span span = ON.start("work", SpanKind.INTERNAL, Context.root());
    java.util.Map<String, String> headers = new java.util.HashMap<>();
    assertNull(inside(span, OFF::traceParent));
    inside(
        span,
        () -> {
          OFF.inject(headers);
          return null;
        });
    span.end();
    assertTrue(headers.isEmpty());
    assertFalse(
        Span.fromContext(OFF.restore(TraceParent.of(Context.root().with(span))))
            .getSpanContext()
            .isValid());
  }

  @Test
  void anythingButAValidTraceParentRestoresToNoParent() {
    String longer = "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01" + "-x".repeat(100);
    for (String bad :
        new String[] {
          null,
          "",
          "garbage",
          "00-00000000000000000000000000000000-0000000000000000-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
          "zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nX-Forged: 1",
          longer
        }) {
      assertFalse(
          Span.fromContext(ON.restore(bad)).getSpanContext().isValid(), String.valueOf(bad));
    }
    assertNull(TraceParent.of(Context.root()), "no span, nothing stored");
  }

  @Test
  void messageLogNamesTheTraceOnThreadsItRestoresAContextOn() {
    Span deliver = ON.start("uei.outbox.deliver", SpanKind.INTERNAL, Context.root());
    String seen =
        inside(deliver, () -> MDC.get(MessageLog.TRACE_ID) + "/" + MDC.get(MessageLog.SPAN_ID));
    deliver.end();
    assertEquals(
        deliver.getSpanContext().getTraceId() + "/" + deliver.getSpanContext().getSpanId(), seen);
    assertNull(MDC.get(MessageLog.TRACE_ID), "removed again");
  }

  @Test
  void messageLogPutsTheIdsAndRestoresWhatTheThreadHad() {
    MDC.put(MessageLog.ACTION, "outer");
    try {
      String seen =
          MessageLog.within(
              Context.root(),
              "on_confirm",
              "txn-1",
              "msg\r\nforged",
              () ->
                  MDC.get(MessageLog.ACTION)
                      + "/"
                      + MDC.get(MessageLog.TRANSACTION_ID)
                      + "/"
                      + MDC.get(MessageLog.MESSAGE_ID));
      assertEquals("on_confirm/txn-1/msg  forged", seen);
      assertEquals("outer", MDC.get(MessageLog.ACTION));
      assertNull(MDC.get(MessageLog.TRANSACTION_ID));
      assertNull(MDC.get(MessageLog.MESSAGE_ID));

      try (MessageLog log = MessageLog.open()) {
        log.about("init", null, "x".repeat(1000));
        assertEquals(MessageLog.MAX_ID, String.valueOf(MDC.get(MessageLog.MESSAGE_ID)).length());
        log.about("on_init", "t", "m");
        assertEquals("on_init", MDC.get(MessageLog.ACTION));
      }
      assertEquals("outer", MDC.get(MessageLog.ACTION), "the first value before the scope");
    } finally {
      MDC.remove(MessageLog.ACTION);
    }
  }
}
