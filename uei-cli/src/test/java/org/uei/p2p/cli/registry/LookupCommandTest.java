package org.uei.p2p.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;

/** {@code uei lookup} in-process against a local registry on a free port. */
class LookupCommandTest {

  private final String key = Ed25519KeyPair.generate().publicKeyBase64();
  private LocalRegistry registry;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    registry = LocalRegistry.builder().start();
    List<Subscriber> records =
        List.of(
            record("bpp.tpddl.example", "k1", SubscriberType.BPP).build(),
            record("bpp.brpl.example", "k1", SubscriberType.BPP).revoked(true).build(),
            record("bap.pvvnl.example", "k1", SubscriberType.BAP).build());
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/admin/subscribers"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            SubscriberJson.writeList(records).toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Subscriber.Builder record(String id, String keyId, SubscriberType type) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId(keyId)
        .type(type)
        .url("https://" + id)
        .domain("uei:p2p-trading")
        .signingPublicKey(key)
        .status("SUBSCRIBED")
        .validUntil(Instant.now().plusSeconds(3600));
  }

  private int run(String... args) {
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void printsTheRecordAsJsonInBothStyles() throws Exception {
    for (String style : new String[] {"--registry=" + registry.baseUrl(), "--dedi"}) {
      out.getBuffer().setLength(0);
      int code =
          style.equals("--dedi")
              ? run(
                  "lookup",
                  "--registry",
                  registry.baseUrl(),
                  "--dedi",
                  "--subscriber-id",
                  "bpp.tpddl.example",
                  "--key-id",
                  "k1")
              : run("lookup", style, "--subscriber-id", "bpp.tpddl.example", "--key-id", "k1");
      assertEquals(0, code, err.toString());
      JsonNode printed = SubscriberJson.MAPPER.readTree(out.toString());
      assertEquals("bpp.tpddl.example", printed.get("subscriber_id").asText());
      assertEquals(key, printed.get("signing_public_key").asText());
    }
  }

  @Test
  void listsActiveBppsOfADomain() throws Exception {
    assertEquals(
        0,
        run(
            "lookup",
            "--registry",
            registry.baseUrl(),
            "--domain",
            "uei:p2p-trading",
            "--type",
            "BPP"),
        err.toString());
    JsonNode printed = SubscriberJson.MAPPER.readTree(out.toString());
    assertEquals(1, printed.size(), "the revoked BPP is not listed");
    assertEquals("bpp.tpddl.example", printed.get(0).get("subscriber_id").asText());
  }

  @Test
  void notFoundRevokedAndUnreachableExitOneWithOneLine() {
    assertEquals(
        1,
        run(
            "lookup",
            "--registry",
            registry.baseUrl(),
            "--subscriber-id",
            "nobody.example",
            "--key-id",
            "k1"));
    assertOneLine("has no key nobody.example|k1");
    assertEquals(
        1,
        run(
            "lookup",
            "--registry",
            registry.baseUrl(),
            "--subscriber-id",
            "bpp.brpl.example",
            "--key-id",
            "k1"));
    assertOneLine("revoked");
    String url = registry.baseUrl();
    registry.close();
    assertEquals(
        1,
        run(
            "lookup",
            "--registry",
            url,
            "--timeout-ms",
            "1000",
            "--subscriber-id",
            "bpp.tpddl.example",
            "--key-id",
            "k1"));
    assertOneLine("unreachable");
  }

  @Test
  void dediNetworkAllowListRefusesNonMembers() {
    assertEquals(
        1,
        run(
            "lookup",
            "--registry",
            registry.baseUrl(),
            "--dedi",
            "--network",
            "ies/p2p",
            "--subscriber-id",
            "bpp.tpddl.example",
            "--key-id",
            "k1"));
    assertOneLine("NOT_IN_ALLOWED_NETWORKS");
  }

  @Test
  void missingFiltersAreAUsageError() {
    assertEquals(2, run("lookup", "--registry", registry.baseUrl()));
    assertOneLine("--subscriber-id");
  }

  private void assertOneLine(String expected) {
    String e = err.toString();
    assertTrue(e.startsWith("uei: ") && e.contains(expected), e);
    assertEquals(1, e.strip().lines().count(), e);
    err.getBuffer().setLength(0);
  }
}
