package org.uei.p2p.model.validation;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.model.ueiv1.UeiV1Object;

/**
 * Validates UEI v1 (Beckn 1.1.0, {@code uei:p2p-trading}) messages as a node checks what it
 * receives: the context, the members each action requires by the UEI P2P trading API, enums,
 * DecimalValue strings, energy in kWh with at most two decimals, INR amounts, RFC 3339 times and
 * ISO-8601 durations. Every problem is a BECKN-005 error with code 30000 and the JSON path of the
 * member at fault. Descriptive members are not judged: descriptors and images, billing details,
 * cancellation terms, and the quote's ttl and breakup titles (a title, when present, must be one of
 * the API's).
 *
 * <p>{@link #strict()} adds the context rules the published examples break: UUID {@code message_id}
 * and {@code transaction_id}, {@code version} 1.1.0, a {@code ttl}, {@code location.country} and
 * {@code location.city}, no member the 1.1.0 context does not define, and {@code context.action}
 * equal to the endpoint's. Instances are immutable and thread-safe.
 */
public final class UeiV1Validator {

  private static final UeiV1Validator LENIENT = new UeiV1Validator(false);
  private static final UeiV1Validator STRICT = new UeiV1Validator(true);

  private static final Set<String> CONTEXT_MEMBERS =
      Set.of(
          "domain",
          "location",
          "action",
          "version",
          "bap_id",
          "bap_uri",
          "bpp_id",
          "bpp_uri",
          "transaction_id",
          "message_id",
          "timestamp",
          "key",
          "ttl");
  private static final Pattern PHONE = Pattern.compile("\\+?[1-9]\\d{1,14}");

  private final boolean strict;

  private UeiV1Validator(boolean strict) {
    this.strict = strict;
  }

  /** Message rules and the context rules the published examples keep. */
  public static UeiV1Validator lenient() {
    return LENIENT;
  }

  /** Message rules plus every context rule of Beckn 1.1.0. */
  public static UeiV1Validator strict() {
    return STRICT;
  }

  /**
   * Validates {@code envelope} as received on the endpoint of {@code endpoint}; {@code null} means
   * "the action named in {@code context.action}".
   */
  public ValidationResult validate(UeiV1Envelope envelope, UeiV1Action endpoint) {
    Problems p = new Problems();
    UeiV1Action action = endpoint;
    if (Wave2Shapes.object(p, envelope, "context", true)) {
      UeiV1Action named = context(p, envelope.context(), endpoint);
      action = action != null ? action : named;
    }
    boolean error = Wave2Shapes.object(p, envelope, "error", false);
    if (error) {
      Wave2Shapes.requiredText(p, envelope.child("error"), "code");
    }
    // A callback may carry only an error (the seller platform could not answer).
    boolean messageRequired = action != null && !(action.isCallback() && error);
    if (action != null && Wave2Shapes.object(p, envelope, "message", messageRequired)) {
      message(p, action, envelope.message());
    }
    return p.errors().isEmpty() ? ValidationResult.VALID : new ValidationResult(p.errors());
  }

  private UeiV1Action context(Problems p, UeiV1Context c, UeiV1Action endpoint) {
    UeiV1Action named = null;
    String a = Wave2Shapes.requiredText(p, c, "action");
    if (a != null) {
      named = UeiV1Action.fromWireName(a).orElse(null);
      if (named == null) {
        p.add(c.pathOf("action"), "'" + a + "' is not a UEI v1 action");
      } else if (strict && endpoint != null && named != endpoint) {
        p.add(
            c.pathOf("action"),
            "must be '" + endpoint.wireName() + "' (the endpoint), not '" + a + "'");
      }
    }
    UeiV1Action action = endpoint != null ? endpoint : named;
    p.equalTo(c.pathOf("domain"), Wave2Shapes.requiredText(p, c, "domain"), UeiV1Context.DOMAIN);
    String version = Wave2Shapes.requiredText(p, c, "version");
    if (strict) {
      p.equalTo(c.pathOf("version"), version, UeiV1Context.VERSION);
    } else if (version != null && !version.startsWith("1.")) {
      p.add(
          c.pathOf("version"), "must be a Beckn 1.x version such as 1.1.0, not '" + version + "'");
    }
    if (Wave2Shapes.object(p, c, "location", strict) && strict) {
      p.required(c.pathOf("location.country.code"), c.countryCode());
      p.required(c.pathOf("location.city.code"), c.cityCode());
    }
    p.dateTime(c.pathOf("timestamp"), Wave2Shapes.requiredText(p, c, "timestamp"));
    String mid = Wave2Shapes.requiredText(p, c, "message_id");
    String tid = Wave2Shapes.requiredText(p, c, "transaction_id");
    p.duration(c.pathOf("ttl"), Wave2Shapes.text(p, c, "ttl", strict));
    Wave2Shapes.text(p, c, "key", false);
    Wave2Shapes.requiredText(p, c, "bap_id");
    p.httpUri(c.pathOf("bap_uri"), Wave2Shapes.requiredText(p, c, "bap_uri"));
    boolean bppKnown = action != UeiV1Action.SEARCH;
    String bppId = Wave2Shapes.text(p, c, "bpp_id", bppKnown);
    String bppUri = Wave2Shapes.text(p, c, "bpp_uri", bppKnown);
    if (bppId != null && bppId.isBlank()) {
      p.add(c.pathOf("bpp_id"), "must not be blank");
    }
    p.httpUri(c.pathOf("bpp_uri"), bppUri);
    if (strict) {
      p.uuid(c.pathOf("message_id"), mid);
      p.uuid(c.pathOf("transaction_id"), tid);
      for (String m : c.memberNames()) {
        if (!CONTEXT_MEMBERS.contains(m)) {
          p.add(
              c.pathOf(m),
              "is not a member of the Beckn 1.1.0 context"
                  + ("city".equals(m) ? " (the city goes in location.city)" : ""));
        }
      }
    }
    return named;
  }

  private static void message(Problems p, UeiV1Action action, UeiV1Message m) {
    switch (action.carries()) {
      case INTENT -> {
        if (Wave2Shapes.object(p, m, "intent", true)) {
          UeiV1OrderRules.intent(p, m.intent());
        }
      }
      case CATALOG -> {
        if (Wave2Shapes.object(p, m, "catalog", true)) {
          UeiV1OrderRules.catalog(p, m.catalog());
        }
      }
      case ORDER -> {
        if (action == UeiV1Action.UPDATE) {
          Wave2Shapes.requiredText(p, m, "update_target");
        }
        if (Wave2Shapes.object(p, m, "order", true)) {
          UeiV1OrderRules.order(p, action, m.order());
        }
      }
      case ORDER_ID -> {
        Wave2Shapes.requiredText(p, m, "order_id");
        Wave2Shapes.text(p, m, "cancellation_reason_id", false);
      }
      case RATINGS -> ratings(p, m);
      case FEEDBACK_FORM -> feedback(p, m);
      case SUPPORT -> support(p, action, m);
    }
  }

  private static void ratings(Problems p, UeiV1Message m) {
    if (!Wave2Shapes.array(p, m, "ratings", true, true)) {
      return;
    }
    List<UeiV1Message.Rating> rs = m.ratings();
    for (int i = 0; i < rs.size(); i++) {
      UeiV1Message.Rating r = rs.get(i);
      if (Wave2Shapes.notObject(p, m.pathOf("ratings") + "[" + i + "]", r)) {
        continue;
      }
      Wave2Shapes.requiredText(p, r, "id");
      p.oneOf(
          r.pathOf("rating_category"),
          Wave2Shapes.requiredText(p, r, "rating_category"),
          UeiV1Message.Rating.CATEGORIES);
      Wave2Shapes.requiredText(p, r, "value");
    }
  }

  private static void feedback(Problems p, UeiV1Message m) {
    if (!Wave2Shapes.object(p, m, "feedback_form", false)) {
      return;
    }
    UeiV1Object form = m.child("feedback_form");
    if (Wave2Shapes.object(p, form, "form", false)) {
      p.httpUri(form.pathOf("form.url"), Wave2Shapes.text(p, form.child("form"), "url", false));
    }
    if (form.typeOf("required") != JsonNodeType.MISSING
        && form.typeOf("required") != JsonNodeType.BOOLEAN) {
      p.add(form.pathOf("required"), "must be a boolean (true or false), not a string");
    }
  }

  private static void support(Problems p, UeiV1Action action, UeiV1Message m) {
    if (!Wave2Shapes.object(p, m, "support", true)) {
      return;
    }
    UeiV1Message.Support s = m.support();
    Wave2Shapes.requiredText(p, s, "ref_id");
    phone(p, s.pathOf("phone"), Wave2Shapes.text(p, s, "phone", false));
    phone(p, s.pathOf("callback_phone"), Wave2Shapes.text(p, s, "callback_phone", false));
    Wave2Shapes.text(p, s, "email", false);
    p.httpUri(s.pathOf("url"), Wave2Shapes.text(p, s, "url", false));
    if (action.isCallback() && s.phone() == null && s.email() == null && s.url() == null) {
      p.add(s.pathOf("phone"), "one of phone, email or url is required");
    }
  }

  private static void phone(Problems p, String path, String value) {
    if (value != null && !PHONE.matcher(value).matches()) {
      p.add(path, "'" + value + "' is not a phone number in E.164 digits (e.g. +919876543210)");
    }
  }
}
