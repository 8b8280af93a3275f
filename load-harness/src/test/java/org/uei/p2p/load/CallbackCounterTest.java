package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CallbackCounterTest {

  @Test
  void countsOnSelectAndErrorsAndTimesTrackedOnes() throws Exception {
    try (CallbackCounter counter = CallbackCounter.start()) {
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      sentAt.put("m-1", System.nanoTime());
      counter.track(sentAt);
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, post(http, counter.url() + "/on_select", onSelect("m-1", "")));
      assertEquals(
          200,
          post(
              http,
              counter.url() + "/on_select",
              onSelect("m-2", ",\"error\":{\"code\":\"40002\"}")));
      assertEquals(200, post(http, counter.url() + "/on_status", onSelect("m-3", "")));

      assertEquals(2, counter.onSelect());
      assertEquals(1, counter.onSelectWithError());
      assertEquals(1, counter.other());
      assertEquals(1, counter.delays().count());
      assertTrue(sentAt.isEmpty(), "a timed callback is taken out of the map");
    }
  }

  @Test
  void aSecondOnSelectForOneSelectCountsAsDuplicate() throws Exception {
    try (CallbackCounter counter = CallbackCounter.start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (String id : new String[] {"m-1", "m-2", "m-1"}) {
        assertEquals(200, post(http, counter.url() + "/on_select", onSelect(id, "")));
      }
      assertEquals(3, counter.onSelect());
      assertEquals(1, counter.duplicates());
      assertEquals(java.util.Set.of("m-1", "m-2"), counter.answered());
    }
  }

  @Test
  void messageIdIsReadFromTheCompactContext() {
    byte[] body =
        onSelect("4b1c7a2e-0d5f-4c1e-9a51-5f0f2a8e9c11", "").getBytes(StandardCharsets.UTF_8);
    assertEquals("4b1c7a2e-0d5f-4c1e-9a51-5f0f2a8e9c11", CallbackCounter.messageId(body));
    assertEquals("", CallbackCounter.messageId("{}".getBytes(StandardCharsets.UTF_8)));
  }

  private static String onSelect(String messageId, String error) {
    return "{\"context\":{\"action\":\"on_select\",\"transaction_id\":\"t\",\"message_id\":\""
        + messageId
        + "\"},\"message\":{}"
        + error
        + "}";
  }

  private static int post(HttpClient http, String url, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(r.body().contains("\"ACK\""));
    return r.statusCode();
  }
}
