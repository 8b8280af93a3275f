package org.uei.p2p.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.RegistryHttp;

/**
 * The {@code dediregistry} status type of the ElectricityCredential: the entry's {@code id} is a
 * DeDi lookup URL {@code .../lookup/{namespace}/{registry}/{record}} in the issuer's revocation
 * registry. A published record there means the credential is revoked (or suspended, by the entry's
 * {@code statusPurpose}); no record (HTTP 404) means it is not. A record whose own {@code
 * is_revoked} is true is a withdrawn revocation, so the credential counts as active again.
 *
 * <p>With a registry base URL the lookup goes to {@code
 * {base}/lookup/{namespace}/{registry}/{record}} instead of the URL in the credential: a verifier
 * pins the registry it trusts, and tests and local networks point at the local registry.
 */
public final class DediStatusChecker implements StatusChecker {

  private final String registryBase;
  private final HttpClient client;
  private final Duration timeout;

  private DediStatusChecker(String registryBase, HttpClient client, Duration timeout) {
    this.registryBase = registryBase;
    this.client = client;
    this.timeout = timeout;
  }

  /** Looks records up at the URL each credential names. */
  public static DediStatusChecker followingCredential() {
    return new DediStatusChecker(null, null, RegistryHttp.DEFAULT_TIMEOUT);
  }

  /** Looks records up in the DeDi registry at {@code baseUrl} (the part before {@code /lookup}). */
  public static DediStatusChecker atRegistry(String baseUrl) {
    return new DediStatusChecker(baseUrl, null, RegistryHttp.DEFAULT_TIMEOUT);
  }

  /** A copy sending with {@code client} and {@code timeout}. */
  public DediStatusChecker with(HttpClient client, Duration timeout) {
    return new DediStatusChecker(registryBase, client, timeout);
  }

  /**
   * The URL the record of {@code entry} is looked up at, or null when {@code id} is not a DeDi
   * lookup URL.
   */
  public String lookupUrl(JsonNode entry) {
    String id = entry.path("id").asText("");
    int at = id.indexOf("/lookup/");
    if (at < 0 || id.substring(at + 8).split("/").length != 3) {
      return null;
    }
    return registryBase == null
        ? id
        : RegistryHttp.resolve(registryBase, id.substring(at)).toString();
  }

  @Override
  public Optional<Problem> check(JsonNode entry, String path) {
    String url = lookupUrl(entry);
    if (url == null) {
      return Optional.of(
          new Problem(
              Reason.STATUS_UNAVAILABLE,
              path + ".id",
              "not a DeDi lookup URL (.../lookup/{namespace}/{registry}/{record}): '"
                  + entry.path("id").asText()
                  + "'"));
    }
    String base = url.substring(0, url.indexOf("/lookup/"));
    RegistryHttp http = new RegistryHttp(base, client, timeout);
    Optional<JsonNode> reply;
    try {
      reply =
          http.send(
              HttpRequest.newBuilder(java.net.URI.create(url))
                  .header("Accept", "application/json")
                  .GET(),
              "credential status " + url.substring(base.length()));
    } catch (RegistryException | IllegalArgumentException e) {
      return Optional.of(new Problem(Reason.STATUS_UNAVAILABLE, path, e.getMessage()));
    }
    if (reply.isEmpty()) {
      return Optional.empty();
    }
    JsonNode data = reply.get().path("data");
    if (data.path("is_revoked").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode details = data.path("details");
    String purpose = entry.path("statusPurpose").asText("revocation");
    String why = details.path("reason").asText("");
    String when = details.path("revoked_at").asText("");
    String message =
        "the issuer "
            + ("suspension".equals(purpose) ? "suspended" : "revoked")
            + " this credential"
            + (when.isEmpty() ? "" : " at " + when)
            + (why.isEmpty() ? "" : ": " + why)
            + " (record "
            + url
            + ")";
    return Optional.of(
        new Problem(
            "suspension".equals(purpose) ? Reason.SUSPENDED : Reason.REVOKED, path, message));
  }
}
