package org.uei.p2p.network.tracing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector for tests: accepts OTLP/HTTP protobuf trace exports ({@code POST
 * /v1/traces}) on loopback and keeps the spans, with the {@code service.name} of the process that
 * sent them. The protobuf is read field by field here (the OTLP trace messages need nothing more),
 * so the test needs no generated classes.
 */
final class OtlpCollector implements AutoCloseable {

  /** A span as exported: ids in hex, kind as OTLP numbers it (2 server, 3 client). */
  record Span(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      int kind,
      long startNanos,
      long endNanos,
      Map<String, String> attributes) {

    static final int INTERNAL = 1;
    static final int SERVER = 2;
    static final int CLIENT = 3;

    String attribute(String key) {
      return attributes.get(key);
    }
  }

  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  private OtlpCollector(HttpServer server) {
    this.server = server;
  }

  static OtlpCollector start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpCollector collector = new OtlpCollector(server);
    server.createContext(
        "/",
        exchange -> {
          try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
              body = in.readAllBytes();
            }
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if ("gzip".equalsIgnoreCase(encoding)) {
              try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
              }
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/v1/traces")) {
              collector.spans.addAll(readRequest(body));
            } else {
              collector.problems.add("unexpected export to " + path);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          } catch (RuntimeException e) {
            collector.problems.add(e.toString());
            exchange.sendResponseHeaders(400, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
    return collector;
  }

  /** The base endpoint a node exports to ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
  static List<Span> readRequest(byte[] bytes) {
    List<Span> out = new ArrayList<>();
    Proto p = new Proto(bytes);
    while (p.more()) {
      int tag = p.tag();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        readResourceSpans(p.message(), out);
      } else {
        p.skip(tag);
      }
    }
    return out;
  }

  // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
  private static void readResourceSpans(Proto p, List<Span> out) {
    String service = null;
    List<Proto> scopes = new ArrayList<>();
    while (p.more()) {
      int tag = p.tag();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        service = readAttributes(p.message(), 1).get("service.name");
      } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
        scopes.add(p.message());
      } else {
        p.skip(tag);
      }
    }
    for (Proto scope : scopes) {
      // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
      while (scope.more()) {
        int tag = scope.tag();
        if (tag >>> 3 == 2 && (tag & 7) == 2) {
          out.add(readSpan(scope.message(), service));
        } else {
          scope.skip(tag);
        }
      }
    }
  }

  // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5;
  //        SpanKind kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  //        repeated KeyValue attributes = 9; }
  private static Span readSpan(Proto p, String service) {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    int kind = 0;
    long start = 0;
    long end = 0;
    Map<String, String> attributes = new LinkedHashMap<>();
    while (p.more()) {
      int tag = p.tag();
      switch (tag) {
        case (1 << 3) | 2 -> traceId = HexFormat.of().formatHex(p.bytes());
        case (2 << 3) | 2 -> spanId = HexFormat.of().formatHex(p.bytes());
        case (4 << 3) | 2 -> parent = HexFormat.of().formatHex(p.bytes());
        case (5 << 3) | 2 -> name = new String(p.bytes(), StandardCharsets.UTF_8);
        case (6 << 3) -> kind = (int) p.varint();
        case (7 << 3) | 1 -> start = p.fixed64();
        case (8 << 3) | 1 -> end = p.fixed64();
        case (9 << 3) | 2 -> attributes.putAll(keyValue(p.message()));
        default -> p.skip(tag);
      }
    }
    return new Span(service, traceId, spanId, parent, name, kind, start, end, attributes);
  }

  /** The KeyValue entries at {@code field} of a message, values as strings. */
  private static Map<String, String> readAttributes(Proto p, int field) {
    Map<String, String> out = new LinkedHashMap<>();
    while (p.more()) {
      int tag = p.tag();
      if (tag >>> 3 == field && (tag & 7) == 2) {
        out.putAll(keyValue(p.message()));
      } else {
        p.skip(tag);
      }
    }
    return out;
  }

  // KeyValue { string key = 1; AnyValue value = 2; }
  // AnyValue { string string_value = 1; bool bool_value = 2; int64 int_value = 3; ... }
  private static Map<String, String> keyValue(Proto p) {
    String key = null;
    String value = null;
    while (p.more()) {
      int tag = p.tag();
      if (tag == ((1 << 3) | 2)) {
        key = new String(p.bytes(), StandardCharsets.UTF_8);
      } else if (tag == ((2 << 3) | 2)) {
        Proto any = p.message();
        while (any.more()) {
          int t = any.tag();
          switch (t) {
            case (1 << 3) | 2 -> value = new String(any.bytes(), StandardCharsets.UTF_8);
            case (2 << 3) -> value = String.valueOf(any.varint() != 0);
            case (3 << 3) -> value = String.valueOf(any.varint());
            default -> any.skip(t);
          }
        }
      } else {
        p.skip(tag);
      }
    }
    return key == null || value == null ? Map.of() : Map.of(key, value);
  }

  /** A protobuf reader over a byte range: tags, varints, length-delimited fields. */
  private static final class Proto {
    private final byte[] b;
    private int pos;
    private final int end;

    Proto(byte[] b) {
      this(b, 0, b.length);
    }

    private Proto(byte[] b, int from, int end) {
      this.b = b;
      this.pos = from;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint");
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("varint too long");
    }

    long fixed64() {
      if (pos + 8 > end) {
        throw new IllegalArgumentException("truncated fixed64");
      }
      long v = 0;
      for (int i = 7; i >= 0; i--) {
        v = (v << 8) | (b[pos + i] & 0xff);
      }
      pos += 8;
      return v;
    }

    Proto message() {
      int length = (int) varint();
      if (length < 0 || pos + length > end) {
        throw new IllegalArgumentException("truncated field");
      }
      Proto inner = new Proto(b, pos, pos + length);
      pos += length;
      return inner;
    }

    byte[] bytes() {
      Proto inner = message();
      return java.util.Arrays.copyOfRange(b, inner.pos, inner.end);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> message();
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("wire type " + (tag & 7));
      }
    }
  }
}
