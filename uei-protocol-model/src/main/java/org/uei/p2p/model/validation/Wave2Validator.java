package org.uei.p2p.model.validation;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;
import org.uei.p2p.model.wave2.Catalog;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * Validates IES wave-2 (Beckn 2.0 LTS) messages as a node checks what it receives: required members
 * per action, the contract's roles and parties, TimeSeries consistency and P2P slots, revenue flows
 * summing to zero, RFC 3339 times and ISO-8601 durations. Every problem is a BECKN-005 error with
 * code 30000 and the JSON path of the member at fault.
 *
 * <p>{@link #strict()} adds the context rules the devkit's examples break (UUID {@code messageId}
 * and {@code transactionId}, {@code version} 2.0.0, {@code context.action} equal to the
 * endpoint's). Instances are immutable and thread-safe.
 */
public final class Wave2Validator {

  private static final Wave2Validator LENIENT = new Wave2Validator(false);
  private static final Wave2Validator STRICT = new Wave2Validator(true);

  private final boolean strict;

  private Wave2Validator(boolean strict) {
    this.strict = strict;
  }

  /** Message rules only; accepts the context habits of the published examples. */
  public static Wave2Validator lenient() {
    return LENIENT;
  }

  /** Message rules plus the context rules. */
  public static Wave2Validator strict() {
    return STRICT;
  }

  /**
   * Validates {@code envelope} as received on the endpoint of {@code endpoint}; {@code null} means
   * "the action named in {@code context.action}".
   */
  public ValidationResult validate(Wave2Envelope envelope, Wave2Action endpoint) {
    Problems p = new Problems();
    Wave2Action action = endpoint;
    if (Wave2Shapes.object(p, envelope, "context", true)) {
      Wave2Action named = context(p, envelope.context(), endpoint);
      action = action != null ? action : named;
    }
    if (action != null
        && action.carries() != Wave2Action.Carries.NOTHING
        && Wave2Shapes.object(p, envelope, "message", true)) {
      message(p, refusing(envelope, action), envelope.message());
    }
    return p.errors().isEmpty() ? ValidationResult.VALID : new ValidationResult(p.errors());
  }

  private Wave2Action context(Problems p, Wave2Context c, Wave2Action endpoint) {
    Wave2Action named = null;
    String a = Wave2Shapes.requiredText(p, c, "action");
    if (a != null) {
      named = Wave2Action.fromWireName(a).orElse(null);
      if (named == null) {
        p.add(c.pathOf("action"), "'" + a + "' is not a wave-2 action");
      } else if (strict && endpoint != null && named != endpoint) {
        p.add(
            c.pathOf("action"),
            "must be '" + endpoint.wireName() + "' (the endpoint), not '" + a + "'");
      }
    }
    Wave2Action action = endpoint != null ? endpoint : named;
    String version = Wave2Shapes.requiredText(p, c, "version");
    if (strict) {
      p.equalTo(c.pathOf("version"), version, Wave2Context.VERSION);
    }
    Wave2Shapes.requiredText(p, c, "networkId");
    p.dateTime(c.pathOf("timestamp"), Wave2Shapes.requiredText(p, c, "timestamp"));
    String mid = Wave2Shapes.requiredText(p, c, "messageId");
    String tid = Wave2Shapes.requiredText(p, c, "transactionId");
    if (strict) {
      p.uuid(c.pathOf("messageId"), mid);
      p.uuid(c.pathOf("transactionId"), tid);
    }
    boolean fromBpp =
        action == Wave2Action.CATALOG_PUBLISH || action == Wave2Action.CATALOG_ON_PUBLISH;
    boolean bppKnown = action != Wave2Action.DISCOVER;
    p.httpUri(c.pathOf("bapUri"), uri(p, c, "bapId", "bapUri", !fromBpp));
    p.httpUri(c.pathOf("bppUri"), uri(p, c, "bppId", "bppUri", bppKnown));
    p.duration(c.pathOf("ttl"), Wave2Shapes.text(p, c, "ttl", false));
    if (Wave2Shapes.array(p, c, "schemaContext", false, false)) {
      List<String> urls = c.schemaContext();
      for (int i = 0; i < urls.size(); i++) {
        if (urls.get(i) == null) {
          p.add(c.pathOf("schemaContext") + "[" + i + "]", "must be a string");
        }
      }
    }
    return named;
  }

  /**
   * The action whose rules a message's body follows: a callback that carries {@code error} (the LTS
   * async error callback) refuses its request and hands the request's contract back as it was, so
   * the body follows the request's rules (an on_confirm that could not activate the contract holds
   * the confirm's DRAFT without an id); any other message its own.
   */
  private static Wave2Action refusing(Wave2Envelope envelope, Wave2Action action) {
    if (!action.isCallback() || envelope.typeOf("error") != JsonNodeType.OBJECT) {
      return action;
    }
    String name = action.wireName();
    return Wave2Action.fromWireName(name.replace("on_", "")).orElse(action);
  }

  private static String uri(
      Problems p, Wave2Context c, String idName, String uriName, boolean required) {
    if (required) {
      Wave2Shapes.requiredText(p, c, idName);
      return Wave2Shapes.requiredText(p, c, uriName);
    }
    Wave2Shapes.text(p, c, idName, false);
    return Wave2Shapes.text(p, c, uriName, false);
  }

  private static void message(Problems p, Wave2Action action, Wave2Message m) {
    switch (action.carries()) {
      case CONTRACT -> {
        if (m.typeOf("contract") == JsonNodeType.MISSING && m.ackStatus() != null) {
          p.add(
              m.pathOf("contract"),
              "is required: message.ack is an acknowledgement, which belongs in the "
                  + "synchronous HTTP answer, not in an "
                  + action.wireName()
                  + " callback");
        } else if (Wave2Shapes.object(p, m, "contract", true)) {
          Wave2ContractRules.check(p, action, m.contract());
        }
      }
      case CATALOGS -> catalogs(p, action, m);
      case INTENT -> intent(p, m);
      default -> {}
    }
  }

  private static void catalogs(Problems p, Wave2Action action, Wave2Message m) {
    if (!Wave2Shapes.array(p, m, "catalogs", true, action == Wave2Action.CATALOG_PUBLISH)) {
      return;
    }
    List<Catalog> cs = m.catalogs();
    for (int i = 0; i < cs.size(); i++) {
      Catalog cat = cs.get(i);
      if (Wave2Shapes.notObject(p, m.pathOf("catalogs") + "[" + i + "]", cat)) {
        continue;
      }
      Wave2Shapes.requiredText(p, cat, "id");
      p.httpUri(cat.pathOf("bppUri"), Wave2Shapes.text(p, cat, "bppUri", false));
      if (!Wave2Shapes.array(p, cat, "offers", false, false)) {
        continue;
      }
      List<CatalogOffer> offers = cat.offers();
      for (int k = 0; k < offers.size(); k++) {
        CatalogOffer o = offers.get(k);
        if (!Wave2Shapes.notObject(p, cat.pathOf("offers") + "[" + k + "]", o)) {
          offer(p, cat, o);
        }
      }
    }
  }

  private static void offer(Problems p, Catalog cat, CatalogOffer o) {
    Wave2Shapes.requiredText(p, o, "id");
    List<String> refs = o.resourceIds();
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i) != null && cat.resource(refs.get(i)).isEmpty()) {
        p.add(
            o.pathOf("resourceIds") + "[" + i + "]",
            "'" + refs.get(i) + "' is not a resource of this catalog");
      }
    }
    CatalogOffer.EnergyTradeOffer eto = o.energyTradeOffer();
    if (eto == null) {
      return;
    }
    if (Wave2Shapes.object(p, eto, "validityWindow", false)) {
      p.period(
          eto.pathOf("validityWindow"),
          eto.validFrom(),
          eto.validUntil(),
          "schema:startTime",
          "schema:endTime",
          true);
    }
    Wave2PartyRules.offer(p, eto, eto.contractAttributes(), eto.participants());
    if (Wave2Shapes.object(p, eto, "commitmentAttributes", true)) {
      Wave2TimeSeriesRules.check(
          p, eto.commitmentAttributes(), Wave2TimeSeriesRules.Kind.OFFER_TABLE);
    }
  }

  private static void intent(Problems p, Wave2Message m) {
    if (!Wave2Shapes.object(p, m, "intent", true)) {
      return;
    }
    Wave2Message.Intent in = m.intent();
    String text = Wave2Shapes.text(p, in, "textSearch", false);
    if (!Wave2Shapes.object(p, in, "filters", text == null || text.isBlank())) {
      return;
    }
    p.equalTo(in.pathOf("filters.type"), in.filterType(), Wave2Message.Intent.JSONPATH);
    p.required(in.pathOf("filters.expression"), in.filterExpression());
  }
}
