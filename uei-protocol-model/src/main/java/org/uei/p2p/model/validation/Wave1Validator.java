package org.uei.p2p.model.validation;

import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;

/**
 * Validates DEG wave-1 messages: required members per action, schema enums, RFC 3339 times,
 * ISO-8601 durations, energy quantities ({@code > 0}, at most 2 decimals, {@code kWh}) and {@code
 * INR} amounts.
 *
 * <p>{@link #strict()} adds the context rules that the published examples break: UUID {@code
 * message_id}/{@code transaction_id}, {@code version} 2.0.0, and {@code context.action} equal to
 * the endpoint's action. Every problem is a BECKN-005 error with code 30000 and the JSON path of
 * the member at fault. Instances are immutable and thread-safe.
 */
public final class Wave1Validator implements EnvelopeValidator {

  private static final Wave1Validator LENIENT = new Wave1Validator(false);
  private static final Wave1Validator STRICT = new Wave1Validator(true);

  private final boolean strict;

  private Wave1Validator(boolean strict) {
    this.strict = strict;
  }

  /** Message rules only; accepts the context habits of the published examples. */
  public static Wave1Validator lenient() {
    return LENIENT;
  }

  /** Message rules plus the context rules. */
  public static Wave1Validator strict() {
    return STRICT;
  }

  /** True for the strict variant. */
  public boolean isStrict() {
    return strict;
  }

  @Override
  public ValidationResult validate(Envelope<?> envelope, Action endpoint) {
    Problems p = new Problems();
    Context ctx = envelope.getContext();
    Action action = endpoint;
    if (p.required("context", ctx)) {
      Action named = context(p, ctx, endpoint);
      if (action == null) {
        action = named;
      }
    }
    Message m = envelope.getMessage();
    if (action != null && action != Action.ON_CATALOG_PUBLISH && p.required("message", m)) {
      message(p, action, m);
    }
    return p.errors().isEmpty() ? ValidationResult.VALID : new ValidationResult(p.errors());
  }

  private Action context(Problems p, Context c, Action endpoint) {
    Action named = null;
    if (p.required("context.action", c.getAction())) {
      named = Action.fromWireName(c.getAction()).orElse(null);
      if (named == null) {
        p.add("context.action", "'" + c.getAction() + "' is not a known action");
      } else if (strict && endpoint != null && named != endpoint) {
        p.add(
            "context.action",
            "must be '" + endpoint.wireName() + "' (the endpoint), not '" + c.getAction() + "'");
      }
    }
    Action action = endpoint != null ? endpoint : named;
    p.required("context.domain", c.getDomain());
    if (p.required("context.version", c.getVersion()) && strict) {
      p.equalTo("context.version", c.getVersion(), Contexts.VERSION);
    }
    if (p.required("context.timestamp", c.getTimestamp())) {
      p.dateTime("context.timestamp", c.getTimestamp());
    }
    if (p.required("context.message_id", c.getMessageId()) && strict) {
      p.uuid("context.message_id", c.getMessageId());
    }
    if (p.required("context.transaction_id", c.getTransactionId()) && strict) {
      p.uuid("context.transaction_id", c.getTransactionId());
    }
    p.required("context.bap_id", c.getBapId());
    if (p.required("context.bap_uri", c.getBapUri())) {
      p.httpUri("context.bap_uri", c.getBapUri());
    }
    boolean bppKnown = action != Action.DISCOVER;
    if (bppKnown) {
      p.required("context.bpp_id", c.getBppId());
      p.required("context.bpp_uri", c.getBppUri());
    }
    p.httpUri("context.bpp_uri", c.getBppUri());
    p.duration("context.ttl", c.getTtl());
    return named;
  }

  private static void message(Problems p, Action action, Message m) {
    if (m instanceof OrderMessage om) {
      OrderRules.check(p, action, om.getOrder());
    } else if (m instanceof CatalogMessage cm) {
      CatalogRules.catalogs(p, action, cm);
    } else if (m instanceof DiscoverMessage dm) {
      CatalogRules.discover(p, dm);
    } else {
      p.add(
          "message",
          "cannot be checked as '"
              + action.wireName()
              + "': it was not read as "
              + action.messageType().getSimpleName());
    }
  }
}
