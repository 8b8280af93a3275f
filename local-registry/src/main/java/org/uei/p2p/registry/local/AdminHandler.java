package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;

/**
 * Lets a development network manage the registry directly, without the subscribe challenge: {@code
 * POST /admin/subscribers} (one record or an array; status defaults to SUBSCRIBED), {@code POST
 * /admin/revoke} with {@code {subscriber_id, unique_key_id}}, {@code GET /admin/subscribers}, and
 * {@code POST /admin/credential-revocations} with {@code {namespace, registry_name?, record_id,
 * reason?, status_purpose?}} to revoke a credential. Only callers on the loopback interface are
 * served.
 */
final class AdminHandler {

  private final SubscriberStore store;
  private final CredentialRevocations revocations;

  AdminHandler(SubscriberStore store, CredentialRevocations revocations) {
    this.store = store;
    this.revocations = revocations;
  }

  void handle(HttpExchange ex) throws IOException {
    if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
      throw new Exchanges.BadRequest(
          403, "the admin interface only answers callers on this machine");
    }
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.equals("/admin/subscribers") && method.equals("GET")) {
      Exchanges.send(
          ex,
          200,
          SubscriberJson.writeList(
              store.lookup(new LookupQuery(null, null, null, null, null, null))));
    } else if (path.equals("/admin/subscribers") && method.equals("POST")) {
      List<Subscriber> records = records(Exchanges.json(Exchanges.body(ex)));
      store.putAll(records);
      Exchanges.send(
          ex, 200, SubscriberJson.MAPPER.createObjectNode().put("stored", records.size()));
    } else if (path.equals("/admin/revoke") && method.equals("POST")) {
      JsonNode n = Exchanges.json(Exchanges.body(ex));
      String subscriberId = n.path("subscriber_id").asText("");
      String keyId =
          n.has("unique_key_id") ? n.path("unique_key_id").asText("") : n.path("key_id").asText("");
      if (subscriberId.isBlank() || keyId.isBlank()) {
        throw new Exchanges.BadRequest(400, "revoke needs subscriber_id and unique_key_id");
      }
      int revoked = store.revoke(subscriberId, keyId);
      if (revoked == 0 && store.lookup(LookupQuery.byKey(subscriberId, keyId)).isEmpty()) {
        throw new Exchanges.BadRequest(404, "no record " + subscriberId + "|" + keyId);
      }
      Exchanges.send(ex, 200, SubscriberJson.MAPPER.createObjectNode().put("revoked", revoked));
    } else if (path.equals("/admin/credential-revocations") && method.equals("POST")) {
      JsonNode n = Exchanges.json(Exchanges.body(ex));
      String namespace = n.path("namespace").asText("");
      String recordId = n.path("record_id").asText("");
      if (namespace.isBlank() || recordId.isBlank()) {
        throw new Exchanges.BadRequest(
            400, "a credential revocation needs namespace and record_id");
      }
      String registry = n.path("registry_name").asText("vc-revocation-registry");
      if (registry.isBlank()
          || registry.contains("/")
          || namespace.contains("/")
          || recordId.contains("/")) {
        throw new Exchanges.BadRequest(
            400, "namespace, registry_name and record_id are single path segments");
      }
      Exchanges.send(
          ex,
          200,
          revocations.revoke(
              namespace,
              registry,
              recordId,
              n.hasNonNull("reason") ? n.get("reason").asText() : null,
              n.hasNonNull("status_purpose") ? n.get("status_purpose").asText() : null));
    } else {
      throw new Exchanges.BadRequest(
          404,
          "admin routes: GET|POST /admin/subscribers, POST /admin/revoke, POST /admin/credential-revocations");
    }
  }

  private static List<Subscriber> records(JsonNode body) {
    try {
      List<Subscriber> parsed =
          body.isArray() || body.has("subscribers")
              ? SubscriberJson.readList(body)
              : List.of(SubscriberJson.read(body));
      List<Subscriber> out = new ArrayList<>(parsed.size());
      for (Subscriber s : parsed) {
        out.add(s.status() == null ? s.toBuilder().status(Subscriber.SUBSCRIBED).build() : s);
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new Exchanges.BadRequest(400, e.getMessage());
    }
  }
}
