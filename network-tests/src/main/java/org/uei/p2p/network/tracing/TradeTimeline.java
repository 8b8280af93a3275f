package org.uei.p2p.network.tracing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.uei.p2p.examples.network.Directories;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * Where a full trade's time goes, hop by hop: the same trades as {@link
 * org.uei.p2p.network.FullTradeBench}, with both nodes exporting their spans (OTLP) to a collector
 * in this process, and for each client call (discover, select, init, confirm) the median and 90th
 * percentile of every step between the buyer app's call and its answer: the BAP's work before it
 * sends, the request on the wire, the BPP's inbound phases up to its ACK, its handler, the callback
 * from its outbox, the BAP's inbound phases and handler, and the wake-up of the waiting call.
 * Arguments: [trades] [warm-up]. Spans cost the nodes some CPU: the totals here run above the
 * bench's.
 */
public final class TradeTimeline {

  private TradeTimeline() {}

  /** One step: its name and where it starts and ends (epoch ns) in a call's spans. */
  private record Step(String name, ToLongFunction<Hop> from, ToLongFunction<Hop> to) {}

  /** The spans of one client call, found by their role. */
  private record Hop(
      String action,
      OtlpCollector.Span call,
      OtlpCollector.Span send,
      Phases bpp,
      OtlpCollector.Span handle,
      OtlpCollector.Span deliver,
      OtlpCollector.Span callback,
      Phases bap,
      OtlpCollector.Span bapHandle) {}

  /** A node's server span of one request and its three inbound phases. */
  private record Phases(
      OtlpCollector.Span server,
      OtlpCollector.Span verify,
      OtlpCollector.Span validate,
      OtlpCollector.Span store) {}

  private static final List<Step> STEPS =
      List.of(
          new Step("BAP: before sending", h -> h.call().startNanos(), h -> h.send().startNanos()),
          new Step(
              "request to the BPP", h -> h.send().startNanos(), h -> h.bpp().server().startNanos()),
          new Step(
              "BPP: to verify",
              h -> h.bpp().server().startNanos(),
              h -> h.bpp().verify().startNanos()),
          new Step(
              "BPP: verify", h -> h.bpp().verify().startNanos(), h -> h.bpp().verify().endNanos()),
          new Step(
              "BPP: validate, admit",
              h -> h.bpp().validate().startNanos(),
              h -> h.bpp().validate().endNanos()),
          new Step(
              "BPP: store", h -> h.bpp().store().startNanos(), h -> h.bpp().store().endNanos()),
          new Step(
              "BPP: stored to ACK sent",
              h -> h.bpp().store().endNanos(),
              h -> h.bpp().server().endNanos()),
          new Step(
              "BPP: stored to handler",
              h -> h.bpp().store().endNanos(),
              h -> h.handle().startNanos()),
          new Step(
              "BPP: handler to callback",
              h -> h.handle().startNanos(),
              h -> h.deliver().startNanos()),
          new Step(
              "callback to the BAP",
              h -> h.callback().startNanos(),
              h -> h.bap().server().startNanos()),
          new Step(
              "BAP: to verify",
              h -> h.bap().server().startNanos(),
              h -> h.bap().verify().startNanos()),
          new Step(
              "BAP: verify, validate",
              h -> h.bap().verify().startNanos(),
              h -> h.bap().validate().endNanos()),
          new Step(
              "BAP: store", h -> h.bap().store().startNanos(), h -> h.bap().store().endNanos()),
          new Step(
              "BAP: stored to handler",
              h -> h.bap().store().endNanos(),
              h -> h.bapHandle().startNanos()),
          new Step("BAP: handler", h -> h.bapHandle().startNanos(), h -> h.bapHandle().endNanos()),
          new Step(
              "BAP: handled to answer", h -> h.bapHandle().endNanos(), h -> h.call().endNanos()),
          new Step("whole call", h -> h.call().startNanos(), h -> h.call().endNanos()));

  private static final List<String> ACTIONS = List.of("discover", "select", "init", "confirm");

  public static void main(String[] args) throws Exception {
    int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createTempDirectory("uei-trade-timeline");
    List<Hop> hops;
    try (OtlpCollector collector = OtlpCollector.start()) {
      Map<String, String> env =
          Map.of(
              "QUARKUS_OTEL_SDK_DISABLED", "false",
              "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
              "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
              "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT1S");
      long measuredFrom;
      try (LocalNetwork net = LocalNetwork.start(dir, env, env)) {
        TradeFlow flow = new TradeFlow(net);
        String offer = null;
        measuredFrom = Long.MAX_VALUE;
        for (int i = 0; i < warmup + trades; i++) {
          if (i % 40 == 0) {
            offer = flow.publishOffer("6.10", 50);
          }
          if (i == warmup) {
            measuredFrom = System.currentTimeMillis() * 1_000_000L;
          }
          flow.trade(offer, 1);
        }
        // The last batch of spans leaves the nodes within the export delay.
        Thread.sleep(3_000);
      }
      hops = hops(collector.spans(), measuredFrom);
    }
    System.out.print(table(hops));
    // The nodes' databases and logs; a failed run keeps them.
    Directories.deleteTree(dir);
  }

  /** The client calls whose spans all arrived, started at or after {@code from} (epoch ns). */
  private static List<Hop> hops(List<OtlpCollector.Span> spans, long from) {
    List<Hop> out = new ArrayList<>();
    Map<String, List<OtlpCollector.Span>> traces =
        spans.stream()
            .filter(s -> s.startNanos() >= from)
            .collect(Collectors.groupingBy(OtlpCollector.Span::traceId));
    for (List<OtlpCollector.Span> t : traces.values()) {
      hop(t).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Hop> hop(List<OtlpCollector.Span> t) {
    Optional<OtlpCollector.Span> call =
        first(t, s -> s.parentSpanId().isEmpty() && s.name().contains("/client/"));
    Optional<OtlpCollector.Span> send =
        call.flatMap(c -> first(t, s -> s.kind() == OtlpCollector.Span.CLIENT && child(s, c)));
    Optional<Phases> bpp = send.flatMap(s -> phases(t, "bpp-node", s));
    Optional<OtlpCollector.Span> handle =
        bpp.flatMap(
            p -> first(t, s -> s.name().equals("uei.inbound.handle") && child(s, p.server())));
    Optional<OtlpCollector.Span> deliver =
        handle.flatMap(h -> first(t, s -> s.name().equals("uei.outbox.deliver") && child(s, h)));
    Optional<OtlpCollector.Span> callback =
        deliver.flatMap(d -> first(t, s -> s.kind() == OtlpCollector.Span.CLIENT && child(s, d)));
    Optional<Phases> bap = callback.flatMap(c -> phases(t, "bap-node", c));
    Optional<OtlpCollector.Span> bapHandle =
        bap.flatMap(
            p -> first(t, s -> s.name().equals("uei.inbound.handle") && child(s, p.server())));
    if (bapHandle.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Hop(
            send.get().name().substring("POST ".length()),
            call.get(),
            send.get(),
            bpp.get(),
            handle.get(),
            deliver.get(),
            callback.get(),
            bap.get(),
            bapHandle.get()));
  }

  private static Optional<Phases> phases(
      List<OtlpCollector.Span> t, String service, OtlpCollector.Span sender) {
    Optional<OtlpCollector.Span> server =
        first(
            t,
            s ->
                s.service().equals(service)
                    && s.kind() == OtlpCollector.Span.SERVER
                    && child(s, sender));
    if (server.isEmpty()) {
      return Optional.empty();
    }
    Map<String, OtlpCollector.Span> phase = new TreeMap<>();
    for (OtlpCollector.Span s : t) {
      if (child(s, server.get())) {
        phase.put(s.name(), s);
      }
    }
    OtlpCollector.Span verify = phase.get("uei.inbound.verify");
    OtlpCollector.Span validate = phase.get("uei.inbound.validate");
    OtlpCollector.Span store = phase.get("uei.inbound.store");
    return verify == null || validate == null || store == null
        ? Optional.empty()
        : Optional.of(new Phases(server.get(), verify, validate, store));
  }

  private static boolean child(OtlpCollector.Span s, OtlpCollector.Span parent) {
    return s.parentSpanId().equals(parent.spanId());
  }

  private static Optional<OtlpCollector.Span> first(
      List<OtlpCollector.Span> t, Predicate<OtlpCollector.Span> p) {
    return t.stream().filter(p).min(Comparator.comparingLong(OtlpCollector.Span::startNanos));
  }

  /** Median and 90th percentile of each step in ms, a column per action. */
  static String table(List<Hop> hops) {
    Map<String, List<Hop>> byAction = new LinkedHashMap<>();
    for (String a : ACTIONS) {
      byAction.put(a, hops.stream().filter(h -> h.action().equals(a)).toList());
    }
    StringBuilder out = new StringBuilder(String.format("%-26s", "ms: median / p90"));
    byAction.forEach((a, l) -> out.append(String.format("%18s", a + " (" + l.size() + ")")));
    out.append('\n');
    for (Step step : STEPS) {
      out.append(String.format("%-26s", step.name()));
      for (List<Hop> l : byAction.values()) {
        List<Long> nanos =
            l.stream()
                .map(h -> step.to().applyAsLong(h) - step.from().applyAsLong(h))
                .sorted()
                .toList();
        out.append(
            nanos.isEmpty()
                ? String.format("%18s", "-")
                : String.format("%10.2f /%6.2f", pct(nanos, 0.5) / 1e6, pct(nanos, 0.9) / 1e6));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static long pct(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size())));
  }
}
