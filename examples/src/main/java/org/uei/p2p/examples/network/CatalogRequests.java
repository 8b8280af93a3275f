package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * The catalog discovery service's checks of a request, in order: size, wave-2 JSON, a signature by
 * the sender the context names ({@code bppId} for publish, {@code bapId} for discover) with its
 * registry key, that sender registered as a BPP (publish) or BAP (discover) of this network at the
 * URL the context gives, the model's strict wave-2 validation, this network, and then per action:
 * catalogs only of the signer and within the bounds, or a filter the shared {@link DiscoverFilter}
 * understands. The first failure is the answer; nothing is indexed before every check passed.
 */
final class CatalogRequests {

  /** Largest request body read. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** Most catalogs in one publish. */
  static final int MAX_CATALOGS = 16;

  /** Most offers one seller may have indexed. */
  static final int MAX_OFFERS_PER_SELLER = 2000;

  /** How far ahead of this service's clock a publish may be dated. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** A request that passed every check, with the filter of a discover. */
  record Accepted(Wave2Envelope envelope, String registeredUrl, DiscoverFilter filter) {}

  /** A refusal: HTTP status, the NACK's errors and headers to add. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<BecknError> errors;
    private final transient Map<String, String> headers;

    Refused(int status, List<BecknError> errors, Map<String, String> headers) {
      super(errors.get(0).getMessage());
      this.status = status;
      this.errors = List.copyOf(errors);
      this.headers = Map.copyOf(headers);
    }

    int status() {
      return status;
    }

    List<BecknError> errors() {
      return errors;
    }

    Map<String, String> headers() {
      return headers;
    }
  }

  private final String self;
  private final String networkId;
  private final RegistryKeyResolver keys;
  private final BecknVerifier verifier;
  private final Clock clock;

  CatalogRequests(String self, String networkId, RegistryKeyResolver keys, Clock clock) {
    this.self = self;
    this.networkId = networkId;
    this.keys = keys;
    this.verifier = BecknVerifier.of(keys);
    this.clock = clock;
  }

  /** Runs every check on the request in {@code exchange} posted to {@code endpoint}. */
  Accepted check(HttpExchange exchange, Wave2Action endpoint) throws IOException, Refused {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw refuse(405, "only POST is served here", null);
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw refuse(413, "body larger than " + MAX_BODY_BYTES + " bytes", null);
    }
    Wave2Envelope envelope;
    try {
      envelope = Wave2Envelope.parse(body);
    } catch (MessageParseException e) {
      throw new Refused(400, List.of(e.error()), Map.of());
    }
    Wave2Context c = envelope.context();
    if (c == null) {
      throw refuse(400, "is required", "context");
    }
    boolean publish = endpoint == Wave2Action.CATALOG_PUBLISH;
    String sender = publish ? c.bppId() : c.bapId();
    String authorization = exchange.getRequestHeaders().getFirst(SignatureHeaders.AUTHORIZATION);
    VerificationResult signature = verifier.verify(authorization, body, sender);
    if (!signature.valid()) {
      int status = signature.status() == VerificationResult.Status.REGISTRY_UNAVAILABLE ? 503 : 401;
      throw new Refused(
          status,
          List.of(BecknError.of(ErrorCode.INVALID_REQUEST, "signature " + signature, "")),
          Map.of(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(self)));
    }
    String url = registeredUrl(signature, publish, publish ? "context.bppUri" : "context.bapUri");
    ValidationResult validation = Wave2Validator.strict().validate(envelope, endpoint);
    if (!validation.isValid()) {
      throw new Refused(400, validation.errors(), Map.of());
    }
    if (!networkId.equals(c.networkId())) {
      throw refuse(400, "this service indexes network '" + networkId + "'", "context.networkId");
    }
    if (!sameEndpoint(publish ? c.bppUri() : c.bapUri(), url)) {
      String at = publish ? "context.bppUri" : "context.bapUri";
      throw refuse(400, "must be the subscriber_url the registry holds (" + url + ")", at);
    }
    if (publish) {
      catalogsOf(sender, envelope.message());
      return new Accepted(envelope, url, null);
    }
    return new Accepted(envelope, url, filter(envelope.message()));
  }

  /** Replaces the signer's catalogs in {@code index}; refuses an outdated publish. */
  void index(Accepted a, CatalogIndex index) throws Refused {
    Wave2Context c = a.envelope().context();
    Instant at;
    try {
      at = c.timestampInstant();
    } catch (DateTimeParseException e) {
      throw refuse(400, "not an RFC 3339 time", "context.timestamp");
    }
    // A publish dated ahead would hold back every later one of that seller.
    if (at.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      throw refuse(400, "is in the future", "context.timestamp");
    }
    List<ObjectNode> catalogs = new ArrayList<>();
    a.envelope().message().toJson().path("catalogs").forEach(n -> catalogs.add((ObjectNode) n));
    switch (index.replace(c.bppId(), at, catalogs)) {
      case STALE ->
          throw refuse(400, "older than the catalogs indexed for this seller", "context.timestamp");
      case FULL -> throw refuse(503, "the index holds as many sellers as it may", null);
      default -> {}
    }
  }

  /** The signer's registered URL, once it is known as a BPP or BAP of this network. */
  private String registeredUrl(VerificationResult signature, boolean bpp, String at)
      throws Refused {
    Subscriber s;
    try {
      s = keys.resolveSubscriber(signature.signerId(), signature.header().uniqueKeyId());
    } catch (KeyResolutionException e) {
      throw refuse(503, "cannot look up '" + signature.signerId() + "' now; try again", null);
    }
    SubscriberType role = bpp ? SubscriberType.BPP : SubscriberType.BAP;
    boolean member = networkId.equals(s.domain()) || s.networkMemberships().contains(networkId);
    if (s.type() != role || !member) {
      throw new Refused(
          401,
          List.of(
              BecknError.of(
                  ErrorCode.POLICY_ERROR,
                  "'"
                      + signature.signerId()
                      + "' is not registered as a "
                      + role
                      + " of network '"
                      + networkId
                      + "'",
                  at)),
          Map.of(SignatureHeaders.WWW_AUTHENTICATE, SignatureHeaders.wwwAuthenticate(self)));
    }
    return s.url();
  }

  private static void catalogsOf(String seller, Wave2Message m) throws Refused {
    JsonNode catalogs = m.toJson().path("catalogs");
    if (catalogs.size() > MAX_CATALOGS) {
      throw refuse(400, "at most " + MAX_CATALOGS + " catalogs per publish", "message.catalogs");
    }
    int offers = 0;
    for (int i = 0; i < catalogs.size(); i++) {
      JsonNode cat = catalogs.get(i);
      String at = "message.catalogs[" + i + "]";
      if (!seller.equals(cat.path("bppId").asText(null))) {
        throw refuse(400, "a seller platform publishes only its own catalogs", at + ".bppId");
      }
      JsonNode list = cat.path("offers");
      offers += list.size();
      for (int k = 0; k < list.size(); k++) {
        sellerRole(seller, list.get(k), at + ".offers[" + k + "]");
      }
    }
    if (offers > MAX_OFFERS_PER_SELLER) {
      throw refuse(400, "at most " + MAX_OFFERS_PER_SELLER + " offers per seller", "message");
    }
  }

  /** The offer's sellerPlatform role, when bound, must be the publishing seller. */
  private static void sellerRole(String seller, JsonNode offer, String at) throws Refused {
    JsonNode roles = offer.path("offerAttributes").path("contractAttributes").path("roles");
    for (int r = 0; r < roles.size(); r++) {
      JsonNode role = roles.get(r);
      JsonNode id = role.path("participantId");
      if ("sellerPlatform".equals(role.path("role").asText()) && id.isTextual()) {
        if (!seller.equals(id.asText())) {
          throw refuse(
              400,
              "the seller platform of an offer must be the publisher '" + seller + "'",
              at + ".offerAttributes.contractAttributes.roles[" + r + "].participantId");
        }
      }
    }
  }

  private static DiscoverFilter filter(Wave2Message m) throws Refused {
    Wave2Message.Intent intent = m.intent();
    if (intent == null || intent.filterExpression() == null) {
      return DiscoverFilter.matchAll();
    }
    String type = intent.filterType();
    if (type != null && !Wave2Message.Intent.JSONPATH.equalsIgnoreCase(type)) {
      throw refuse(
          400, "filter type '" + type + "' is not supported", "message.intent.filters.type");
    }
    try {
      return DiscoverFilter.parseWave2(intent.filterExpression());
    } catch (DiscoverFilter.UnsupportedFilterException e) {
      throw refuse(
          400, "unsupported filter: " + e.getMessage(), "message.intent.filters.expression");
    }
  }

  /** Two URLs of one endpoint: scheme and host in any case, default port, trailing slash. */
  static boolean sameEndpoint(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    try {
      return normal(new URI(a.strip())).equals(normal(new URI(b.strip())));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String normal(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) {
      port = -1;
    }
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    return scheme + "://" + host + ":" + port + path;
  }

  private static Refused refuse(int status, String message, String path) {
    return new Refused(
        status, List.of(BecknError.of(ErrorCode.INVALID_REQUEST, message, path)), Map.of());
  }
}
