package org.uei.p2p.registry.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;

/** Drives a running local registry's admin routes over HTTP, as the examples network does. */
final class Admin {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Admin() {}

  static HttpResponse<String> post(String baseUrl, String path, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void register(LocalRegistry registry, Subscriber... records) throws Exception {
    HttpResponse<String> r =
        post(
            registry.baseUrl(),
            "/admin/subscribers",
            SubscriberJson.writeList(List.of(records)).toString());
    if (r.statusCode() != 200) {
      throw new AssertionError("register failed: " + r.statusCode() + " " + r.body());
    }
  }

  static HttpResponse<String> revoke(LocalRegistry registry, String subscriberId, String keyId)
      throws Exception {
    return post(
        registry.baseUrl(),
        "/admin/revoke",
        "{\"subscriber_id\":\"" + subscriberId + "\",\"unique_key_id\":\"" + keyId + "\"}");
  }
}
