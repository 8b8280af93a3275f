package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.uei.p2p.registry.DediRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;

/**
 * Answers both lookup styles: Beckn 1.x {@code POST /lookup} with any subset of subscription
 * fields, and DeDi {@code GET /lookup/{subscriber_id}/{registry_name}/{key_id}}; under any other
 * registry name, DeDi lookups answer from the credential revocation registries.
 */
final class LookupHandler {

  private final SubscriberStore store;
  private final String dediRegistryName;
  private final CredentialRevocations revocations;

  LookupHandler(SubscriberStore store, String dediRegistryName, CredentialRevocations revocations) {
    this.store = store;
    this.dediRegistryName = dediRegistryName;
    this.revocations = revocations;
  }

  void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if ("POST".equals(ex.getRequestMethod())
        && (path.equals("/lookup") || path.equals("/lookup/"))) {
      List<Subscriber> found = store.lookup(query(Exchanges.json(Exchanges.body(ex))));
      Exchanges.send(ex, 200, SubscriberJson.writeList(found));
      return;
    }
    String[] parts = path.split("/");
    if ("GET".equals(ex.getRequestMethod()) && parts.length == 5) {
      dedi(ex, decode(parts[2]), decode(parts[3]), decode(parts[4]));
      return;
    }
    throw new Exchanges.BadRequest(
        404, "use POST /lookup or GET /lookup/{subscriber_id}/" + dediRegistryName + "/{key_id}");
  }

  private void dedi(HttpExchange ex, String subscriberId, String registryName, String keyId)
      throws IOException {
    if (!registryName.equals(dediRegistryName)) {
      // Any other registry name is a credential revocation registry: a record there means revoked.
      var revoked = revocations.lookup(subscriberId, registryName, keyId);
      if (revoked.isPresent()) {
        Exchanges.send(ex, 200, revoked.get());
      } else {
        Exchanges.send(
            ex,
            404,
            SubscriberJson.MAPPER
                .createObjectNode()
                .put("message", "no record " + keyId + " in " + subscriberId + "/" + registryName));
      }
      return;
    }
    List<Subscriber> found = store.lookup(LookupQuery.byKey(subscriberId, keyId));
    if (found.isEmpty()) {
      Exchanges.send(
          ex,
          404,
          SubscriberJson.MAPPER
              .createObjectNode()
              .put("message", "no record " + keyId + " for " + subscriberId));
      return;
    }
    Exchanges.send(ex, 200, DediRegistry.write(found.get(0), "Record retrieved from registry"));
  }

  /**
   * The lookup body, read with the same field-name tolerance as replies; absent fields match
   * anything.
   */
  static LookupQuery query(JsonNode n) {
    if (!n.isObject()) {
      throw new Exchanges.BadRequest(400, "a lookup body is a JSON object of subscription fields");
    }
    String type = text(n, "type");
    SubscriberType t;
    try {
      t = type == null ? null : SubscriberType.parse(type);
    } catch (IllegalArgumentException e) {
      throw new Exchanges.BadRequest(400, e.getMessage());
    }
    JsonNode location = n.path("location");
    return new LookupQuery(
        text(n, "subscriber_id", "subscriberId"),
        text(n, "unique_key_id", "key_id", "ukId"),
        t,
        text(n, "domain"),
        place(n.has("city") ? n.get("city") : location.path("city")),
        place(n.has("country") ? n.get("country") : location.path("country")));
  }

  private static String place(JsonNode n) {
    if (n.isObject()) {
      return text(n, "code", "name");
    }
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }

  private static String text(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
