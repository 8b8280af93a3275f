package org.uei.p2p.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Beckn 1.x client against a real HTTP server that answers what each test sets. */
class BecknRegistryTest {

  private TinyServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TinyServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private BecknRegistry registry() {
    return BecknRegistry.builder(server.url()).timeout(Duration.ofMillis(300)).build();
  }

  @Test
  void postsTheQueryFieldsAndParsesVariantReplies() throws Exception {
    server.answer(
        200,
        "[{\"subscriber_id\":\"bpp.a\",\"subscriber_url\":\"https://a\",\"type\":\"BPP\","
            + "\"domain\":\"uei:p2p-trading\",\"ukId\":\"1\",\"status\":\"SUBSCRIBED\"},"
            + "{\"subscriber_id\":\"bpp.b\",\"url\":\"https://b\",\"type\":\"BPP\",\"domain\":\"uei:p2p-trading\","
            + "\"key_id\":\"2\",\"location\":{\"city\":{\"code\":\"std:011\"}}}]");
    List<Subscriber> found =
        registry().lookup(LookupQuery.byDomainAndType("uei:p2p-trading", SubscriberType.BPP));
    assertEquals(2, found.size());
    assertEquals("https://b", found.get(1).url());
    assertEquals("std:011", found.get(1).city());
    assertEquals("POST", server.lastMethod());
    assertEquals("/lookup", server.lastPath());
    JsonNode sent = SubscriberJson.MAPPER.readTree(server.lastBody());
    assertEquals("uei:p2p-trading", sent.get("domain").asText());
    assertEquals("BPP", sent.get("type").asText());
    assertEquals(2, sent.size(), "only the set fields are sent");
  }

  @Test
  void recordsTheRegistryDidNotFilterAreDropped() throws Exception {
    server.answer(
        200,
        "[{\"subscriber_id\":\"bap.x\",\"type\":\"BAP\",\"domain\":\"d\",\"key_id\":\"1\"},"
            + "{\"subscriber_id\":\"bpp.y\",\"type\":\"BPP\",\"domain\":\"d\",\"key_id\":\"1\"}]");
    List<Subscriber> found =
        registry().lookup(LookupQuery.byDomainAndType("d", SubscriberType.BPP));
    assertEquals(List.of("bpp.y"), found.stream().map(Subscriber::subscriberId).toList());
  }

  @Test
  void serverErrorIsAClearMessageNamingRegistryAndSubscriber() {
    server.answer(503, "{\"error\":\"maintenance\"}");
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> registry().lookup(LookupQuery.byKey("bap.example", "k1")));
    assertTrue(e.getMessage().contains(server.url()), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertTrue(
        e.getMessage().contains("subscriber_id=bap.example unique_key_id=k1"), e.getMessage());
  }

  @Test
  void timeoutIsAClearMessage() {
    server.hang();
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () -> registry().lookup(LookupQuery.byKey("bap.example", "k1")));
    assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("bap.example"), e.getMessage());
  }

  @Test
  void malformedRepliesAreClearMessages() {
    server.answer(200, "<html>oops</html>");
    RegistryException notJson =
        assertThrows(RegistryException.class, () -> registry().lookup(LookupQuery.byKey("s", "k")));
    assertTrue(notJson.getMessage().contains("malformed reply (not JSON"), notJson.getMessage());

    server.answer(200, "{\"subscriber_id\":\"s\"}");
    RegistryException notArray =
        assertThrows(RegistryException.class, () -> registry().lookup(LookupQuery.byKey("s", "k")));
    assertTrue(notArray.getMessage().contains("expected a JSON array"), notArray.getMessage());

    server.answer(200, "[{\"subscriber_id\":\"s\",\"key_id\":\"k\",\"valid_until\":\"soon\"}]");
    RegistryException badField =
        assertThrows(RegistryException.class, () -> registry().lookup(LookupQuery.byKey("s", "k")));
    assertTrue(
        badField.getMessage().contains("record [0]")
            && badField.getMessage().contains("valid_until"),
        badField.getMessage());
  }

  @Test
  void unreachableRegistryIsAClearMessage() throws Exception {
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    BecknRegistry closed =
        BecknRegistry.builder("http://127.0.0.1:" + freePort)
            .timeout(Duration.ofMillis(500))
            .build();
    RegistryException e =
        assertThrows(RegistryException.class, () -> closed.lookup(LookupQuery.bySubscriber("s")));
    assertTrue(e.getMessage().contains("is unreachable"), e.getMessage());
  }

  @Test
  void requestSignerAddsTheAuthorizationHeaderOverTheSentBody() throws Exception {
    StringBuilder signed = new StringBuilder();
    BecknRegistry r =
        BecknRegistry.builder(server.url())
            .requestSigner(
                body -> {
                  signed.append(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                  return "Signature keyId=\"x\"";
                })
            .build();
    r.lookup(LookupQuery.bySubscriber("bap.example"));
    assertEquals(server.lastBody(), signed.toString());
  }
}
