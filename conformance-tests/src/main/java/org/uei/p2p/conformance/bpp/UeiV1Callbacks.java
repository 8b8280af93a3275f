package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.model.validation.ValidationResult;

/**
 * Checks of UEI v1 (Beckn 1.1.0) callbacks and answers shared by the kit's two roles: validity by
 * the strict 1.1.0 rules, context echo, and the BECKN-005 shape of a refusal.
 */
public final class UeiV1Callbacks {

  /** The context members a callback echoes from its request. */
  static final List<String> ECHOED =
      List.of("domain", "location", "version", "bap_id", "bap_uri", "bpp_id", "bpp_uri");

  /** BECKN-005 codes: 3xxxx request, 4xxxx business, 5xxxx policy errors. */
  private static final Pattern BECKN_005 = Pattern.compile("[345]\\d{4}");

  private UeiV1Callbacks() {}

  /** Why {@code body} is not a valid {@code action} message by the strict 1.1.0 rules, or empty. */
  public static Optional<String> invalid(byte[] body, UeiV1Action action) {
    UeiV1Envelope env;
    try {
      env = UeiV1Envelope.parse(body);
    } catch (MessageParseException e) {
      return Optional.of("it is not a readable 1.1.0 message: " + e.getMessage());
    }
    ValidationResult v = UeiV1Validator.strict().validate(env, action);
    if (v.isValid()) {
      return Optional.empty();
    }
    BecknError e = v.errors().get(0);
    return Optional.of(
        "it is invalid: "
            + e.getMessage()
            + " at '"
            + e.getPaths()
            + "'"
            + (v.errors().size() > 1 ? " (and " + (v.errors().size() - 1) + " more)" : ""));
  }

  /** The first context member of {@code request} that {@code callback} does not echo, or empty. */
  public static Optional<String> notEchoed(JsonNode request, Inbound callback) {
    JsonNode got = callback.tree() == null ? null : callback.tree().path("context");
    ObjectNode sent = request.deepCopy();
    for (String f : ECHOED) {
      JsonNode s = sent.get(f);
      // bpp_id is unknown to the kit before on_search names it.
      if (s == null && ("bpp_id".equals(f) || "bpp_uri".equals(f))) {
        continue;
      }
      JsonNode g = got == null ? null : got.get(f);
      if (!Objects.equals(s, g)) {
        return Optional.of(f + " " + g + " (sent " + s + ")");
      }
    }
    String action = "on_" + request.path("action").asText();
    if (got == null || !action.equals(got.path("action").asText())) {
      return Optional.of(
          "action '"
              + (got == null ? null : got.path("action").asText())
              + "' (expected '"
              + action
              + "')");
    }
    return Optional.empty();
  }

  /**
   * The result of a request the kit expects refused with HTTP {@code status} and a NACK whose error
   * names a BECKN-005 code and, when {@code path} is not null, that JSON path.
   */
  public static CaseResult nack(
      ConformanceCase c, HttpAnswer a, int status, String path, Exchange ev) {
    List<Exchange> evidence = List.of(ev);
    if (a.status() != status || a.ack().map(r -> r.isAck()).orElse(true)) {
      return CaseResult.failed(
          c, "expected HTTP " + status + " with a NACK, got " + a.summary(), evidence);
    }
    BecknError error = a.ack().get().error();
    if (error == null || error.getCode() == null || !BECKN_005.matcher(error.getCode()).matches()) {
      return CaseResult.failed(
          c,
          "the NACK names no BECKN-005 code (3xxxx, 4xxxx, 5xxxx): "
              + (error == null ? "no error" : error.getCode()),
          evidence);
    }
    if (path != null && !path.equals(stripRoot(error.getPaths()))) {
      return CaseResult.failed(
          c, "the NACK names the path '" + error.getPaths() + "', not '" + path + "'", evidence);
    }
    return CaseResult.passed(c, a.summary(), evidence);
  }

  /** A price as a reader writes it, e.g. {@code 6.40 INR/kWh}. */
  public static String show(org.uei.p2p.model.trade.UnitPrice p) {
    return p.perKwh().toPlainString() + " " + p.currency().getCurrencyCode() + "/kWh";
  }

  /** True when a BECKN-005 code. */
  static boolean isBecknCode(String code) {
    return code != null && BECKN_005.matcher(code).matches();
  }

  /** A JSONPath written with its root ({@code $.message...}) in the kit's terms. */
  private static String stripRoot(String path) {
    return path != null && path.startsWith("$.") ? path.substring(2) : path;
  }

  /** An empty message object, for requests that carry only what the kit adds. */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
