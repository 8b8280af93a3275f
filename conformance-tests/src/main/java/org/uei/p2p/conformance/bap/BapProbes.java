package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Callbacks the kit sends on its own after the flow, each checking one rule of the buyer platform's
 * callback endpoint: unsolicited news accepted, bad signatures refused, unknown message_ids
 * refused, unknown fields tolerated, replays refused.
 */
final class BapProbes {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KitIdentity identity;
  private final BecknClient client;
  private final Context confirm;
  private final TradeOrder order;

  /**
   * @param confirm the buyer platform's confirm request context (parties, transaction, bap_uri)
   * @param order the order the kit confirmed
   */
  BapProbes(KitIdentity identity, BecknClient client, Context confirm, TradeOrder order) {
    this.identity = identity;
    this.client = client;
    this.confirm = confirm;
    this.order = order;
  }

  private byte[] onStatus(Context c) {
    return Envelopes.write(new Envelope<>(c, new Wave1Codec().orderMessage(order)));
  }

  private Context unsolicited() {
    return Contexts.unsolicited(Action.ON_STATUS, confirm, Clock.systemUTC());
  }

  private BecknClient.Sent post(String action, byte[] body, String authorization) {
    return client.post(confirm.getBapUri(), action, body, authorization);
  }

  /** The accepted unsolicited on_status, kept for the replay case. */
  BecknClient.Sent accepted;

  CaseResult unsolicitedAccepted(ConformanceCase c) {
    byte[] body = onStatus(unsolicited());
    accepted = post("on_status", body, identity.signer().authorization(body));
    return expectAck(c, accepted, "unsolicited on_status with a new message_id");
  }

  CaseResult missingSignature(ConformanceCase c) {
    return expect401(
        c, post("on_status", onStatus(unsolicited()), null), "on_status without Authorization");
  }

  CaseResult tampered(ConformanceCase c) {
    Context ctx = unsolicited();
    String auth = identity.signer().authorization(onStatus(ctx));
    ctx.setTtl("PT31S");
    return expect401(
        c, post("on_status", onStatus(ctx), auth), "on_status whose ttl was changed after signing");
  }

  CaseResult expired(ConformanceCase c) {
    byte[] body = onStatus(unsolicited());
    long now = Instant.now().getEpochSecond();
    return expect401(
        c,
        post("on_status", body, identity.signer().authorization(body, now - 3600, now - 3000)),
        "on_status signed one hour ago, expired 50 minutes ago");
  }

  CaseResult unknownKey(ConformanceCase c) {
    byte[] body = onStatus(unsolicited());
    String auth =
        BecknSigner.of(
                identity.subscriberId(),
                "unregistered-" + UUID.randomUUID(),
                Ed25519KeyPair.generate())
            .authorization(body);
    return expect401(c, post("on_status", body, auth), "on_status signed with an unregistered key");
  }

  CaseResult neverSent(ConformanceCase c, Context select) {
    Context ctx = Contexts.callbackFor(select, Clock.systemUTC());
    ctx.setMessageId(UUID.randomUUID().toString());
    byte[] body = onStatus(ctx);
    BecknClient.Sent sent = post("on_select", body, identity.signer().authorization(body));
    List<Exchange> ev =
        List.of(sent.evidence("on_select for message_id " + ctx.getMessageId() + ", never sent"));
    var ack = sent.answer().ack();
    if (ack.isEmpty() || ack.get().isAck() || ack.get().error() == null) {
      return CaseResult.failed(
          c, "expected NACK 30000 at context.message_id, got " + sent.answer().summary(), ev);
    }
    var err = ack.get().error();
    if (!"30000".equals(err.getCode())
        || err.getPaths() == null
        || !err.getPaths().contains("context.message_id")) {
      return CaseResult.failed(
          c, "expected NACK 30000 at context.message_id, got " + sent.answer().summary(), ev);
    }
    return CaseResult.passed(c, sent.answer().summary() + ": " + err.getMessage(), ev);
  }

  CaseResult unknownFields(ConformanceCase c) {
    ObjectNode tree;
    try {
      tree = (ObjectNode) JSON.readTree(onStatus(unsolicited()));
      ((ObjectNode) tree.get("context"))
          .put("x_conformance_probe", "an extension member no schema defines");
      ((ObjectNode) tree.get("message"))
          .putObject("x_conformance_extension")
          .put("note", "ignore me");
      byte[] body = JSON.writeValueAsBytes(tree);
      return expectAck(
          c,
          post("on_status", body, identity.signer().authorization(body)),
          "on_status with unknown members in context and message");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CaseResult replay(ConformanceCase c) {
    if (accepted == null || !accepted.answer().isAck()) {
      return CaseResult.notRun(
          c, "needs an acknowledged on_status; see " + BapCases.UNSOLICITED.id());
    }
    BecknClient.Sent again = post("on_status", accepted.body(), accepted.authorization());
    List<Exchange> ev =
        List.of(
            accepted.evidence("the original on_status"),
            again.evidence("the same bytes and signature again"));
    if (again.answer().isAck() || again.answer().status() == 0) {
      return CaseResult.failed(c, "the repeat was not refused: " + again.answer().summary(), ev);
    }
    return CaseResult.passed(c, "repeat refused: " + again.answer().summary(), ev);
  }

  private static CaseResult expectAck(ConformanceCase c, BecknClient.Sent sent, String title) {
    List<Exchange> ev = List.of(sent.evidence(title));
    return sent.answer().isAck()
        ? CaseResult.passed(c, sent.answer().summary(), ev)
        : CaseResult.failed(c, "expected HTTP 200 ACK, got " + sent.answer().summary(), ev);
  }

  private static CaseResult expect401(ConformanceCase c, BecknClient.Sent sent, String title) {
    List<Exchange> ev = List.of(sent.evidence(title));
    HttpAnswer a = sent.answer();
    if (a.status() == 401 && a.header(SignatureHeaders.WWW_AUTHENTICATE) != null) {
      return CaseResult.passed(
          c,
          "refused with HTTP 401 and WWW-Authenticate: "
              + a.header(SignatureHeaders.WWW_AUTHENTICATE),
          ev);
    }
    return CaseResult.failed(
        c,
        a.status() == 401
            ? "HTTP 401 but no WWW-Authenticate header"
            : "expected HTTP 401, got "
                + a.summary()
                + (a.isAck() ? ": the signature was not checked" : ""),
        ev);
  }
}
