package org.uei.p2p.bench.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.StaticRegistry;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * What key resolution costs a verifier: a cache hit, a cache bypass against an in-memory list of
 * 1,000 subscribers, parsing a 50-record lookup reply, and a full Beckn 1.x lookup round trip over
 * loopback HTTP. The gap between the first and the last is what the cache saves per message.
 */
@State(Scope.Benchmark)
// As in LocalRegistry: without TCP_NODELAY the JDK server adds a ~40 ms delayed-ACK stall per
// lookup.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegistryBenchmark {

  private RegistryKeyResolver cachedHttp;
  private RegistryKeyResolver staticList;
  private byte[] fiftyRecordReply;
  private HttpServer server;

  @Setup
  public void setUp() throws Exception {
    String key = Ed25519KeyPair.generate().publicKeyBase64();
    List<Subscriber> thousand = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      thousand.add(
          Subscriber.builder()
              .subscriberId("bpp" + i + ".example")
              .uniqueKeyId("k1")
              .type(SubscriberType.BPP)
              .url("https://bpp" + i + ".example/beckn")
              .domain("uei:p2p-trading")
              .signingPublicKey(key)
              .encrPublicKey(key)
              .status("SUBSCRIBED")
              .validUntil(Instant.now().plus(Duration.ofDays(365)))
              .city("std:011")
              .country("IND")
              .build());
    }
    staticList = RegistryKeyResolver.of(new StaticRegistry("bench", thousand));
    fiftyRecordReply =
        SubscriberJson.MAPPER.writeValueAsBytes(SubscriberJson.writeList(thousand.subList(0, 50)));

    byte[] one =
        SubscriberJson.MAPPER.writeValueAsBytes(
            SubscriberJson.writeList(thousand.subList(500, 501)));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/lookup",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(200, one.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(one);
          }
        });
    server.start();
    cachedHttp =
        RegistryKeyResolver.of(
            BecknRegistry.of("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @TearDown
  public void tearDown() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** A verifier's usual case: the key is in the cache. */
  @Benchmark
  public ResolvedKey resolveCacheHit() throws KeyResolutionException {
    return cachedHttp.resolve("bpp500.example", "k1");
  }

  /** Bypassing the cache over an in-memory list: filter 1,000 records and check the one found. */
  @Benchmark
  public ResolvedKey refreshStaticThousand() throws KeyResolutionException {
    return staticList.refresh("bpp500.example", "k1");
  }

  /** Reading a fan-out reply: 50 subscription records from JSON bytes. */
  @Benchmark
  public List<Subscriber> parseFiftyRecordReply() throws IOException {
    JsonNode tree = SubscriberJson.MAPPER.readTree(fiftyRecordReply);
    return SubscriberJson.readList(tree);
  }

  /** A cache miss: one POST /lookup round trip over loopback, parse and check. */
  @Benchmark
  public ResolvedKey refreshOverLoopbackHttp() throws KeyResolutionException {
    return cachedHttp.refresh("bpp500.example", "k1");
  }
}
