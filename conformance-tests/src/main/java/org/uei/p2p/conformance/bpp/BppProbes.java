package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The cases that send one deliberately wrong request each and expect a precise refusal: signatures,
 * invalid messages, replays, energy rules; and the unknown-fields case, which expects acceptance.
 */
final class BppProbes {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KitBap kit;

  BppProbes(KitBap kit) {
    this.kit = kit;
  }

  /** A discover in a new transaction, as bytes with its context. */
  private record Request(Context context, byte[] body) {}

  private Request discover(Consumer<Context> edit) {
    Context c = kit.context(Action.DISCOVER, null);
    edit.accept(c);
    return new Request(c, Envelopes.write(new Envelope<>(c, KitBap.discover())));
  }

  CaseResult missingSignature(ConformanceCase c) {
    Request r = discover(x -> {});
    return expect401(c, kit.sendRaw(r.context(), r.body(), null), "discover without Authorization");
  }

  CaseResult tampered(ConformanceCase c) {
    Request r = discover(x -> {});
    String auth = kit.identity().signer().authorization(r.body());
    Context changed = r.context().copy();
    changed.setTtl(kit.ttl().plusSeconds(1).toString());
    byte[] body = Envelopes.write(new Envelope<>(changed, KitBap.discover()));
    return expect401(
        c, kit.sendRaw(changed, body, auth), "discover whose ttl was changed after signing");
  }

  CaseResult expired(ConformanceCase c) {
    Request r = discover(x -> {});
    long now = Instant.now().getEpochSecond();
    String auth = kit.identity().signer().authorization(r.body(), now - 3600, now - 3000);
    return expect401(
        c,
        kit.sendRaw(r.context(), r.body(), auth),
        "discover signed one hour ago, expired 50 minutes ago");
  }

  CaseResult unknownKey(ConformanceCase c) {
    Request r = discover(x -> {});
    String auth =
        BecknSigner.of(
                kit.identity().subscriberId(),
                "unregistered-" + UUID.randomUUID(),
                Ed25519KeyPair.generate())
            .authorization(r.body());
    return expect401(
        c, kit.sendRaw(r.context(), r.body(), auth), "discover signed with an unregistered key");
  }

  CaseResult wrongSigner(ConformanceCase c) {
    Request r = discover(x -> x.setBapId("another-platform.conformance.invalid"));
    return expect401(
        c,
        kit.sendSigned(r.context(), r.body()),
        "discover for bap_id another-platform.conformance.invalid signed by the kit");
  }

  private static CaseResult expect401(ConformanceCase c, KitBap.Call call, String title) {
    List<Exchange> ev = List.of(call.sent().evidence(title));
    var a = call.sent().answer();
    if (a.status() == 401 && a.header(SignatureHeaders.WWW_AUTHENTICATE) != null) {
      return CaseResult.passed(
          c,
          "refused with HTTP 401 and WWW-Authenticate: "
              + a.header(SignatureHeaders.WWW_AUTHENTICATE),
          ev);
    }
    if (a.status() == 401) {
      return CaseResult.failed(c, "HTTP 401 but no WWW-Authenticate header", ev);
    }
    return CaseResult.failed(
        c,
        "expected HTTP 401, got "
            + a.summary()
            + (a.isAck() ? ": the signature was not checked" : ""),
        ev);
  }

  CaseResult invalidQuantity(ConformanceCase c, Message validSelect) {
    Context ctx = kit.context(Action.SELECT, null);
    ObjectNode tree = tree(new Envelope<>(ctx, validSelect));
    JsonNode item = tree.at("/message/order/beckn:orderItems/0/beckn:quantity");
    ((ObjectNode) item).put("unitQuantity", new BigDecimal("-1"));
    KitBap.Call call = kit.sendSigned(ctx, bytes(tree));
    return expectNack(
        c, call, "select asking for -1 kWh", "30000", "beckn:orderItems[0]", "unitQuantity");
  }

  CaseResult invalidTtl(ConformanceCase c) {
    Request r = discover(x -> x.setTtl("thirty seconds"));
    return expectNack(
        c,
        kit.sendSigned(r.context(), r.body()),
        "discover with ttl \"thirty seconds\"",
        "30000",
        "context.ttl",
        "ttl");
  }

  private static CaseResult expectNack(
      ConformanceCase c, KitBap.Call call, String title, String code, String... inPath) {
    List<Exchange> ev = List.of(call.sent().evidence(title));
    var a = call.sent().answer();
    Optional<AckResponse> ack = a.ack();
    if (ack.isEmpty() || ack.get().isAck() || ack.get().error() == null) {
      return CaseResult.failed(c, "expected a NACK with code " + code + ", got " + a.summary(), ev);
    }
    var err = ack.get().error();
    if (!code.equals(err.getCode())) {
      return CaseResult.failed(
          c,
          "NACK with code " + err.getCode() + " instead of " + code + " (" + err.getMessage() + ")",
          ev);
    }
    String paths = err.getPaths() == null ? "" : err.getPaths();
    for (String p : inPath) {
      if (!paths.contains(p)) {
        return CaseResult.failed(
            c,
            "NACK "
                + code
                + " but its paths '"
                + paths
                + "' do not name "
                + String.join(" / ", inPath),
            ev);
      }
    }
    return CaseResult.passed(c, a.summary() + ": " + err.getMessage(), ev);
  }

  CaseResult unknownFields(ConformanceCase c) throws InterruptedException {
    Context ctx = kit.context(Action.DISCOVER, null);
    ObjectNode tree = tree(new Envelope<>(ctx, KitBap.discover()));
    ((ObjectNode) tree.get("context"))
        .put("x_conformance_probe", "an extension member no schema defines");
    ((ObjectNode) tree.get("message"))
        .putObject("x_conformance_extension")
        .put("note", "ignore me")
        .put("n", 1);
    KitBap.Call call = kit.sendSigned(ctx, bytes(tree));
    Exchange sent = call.sent().evidence("discover with unknown members in context and message");
    if (!call.sent().answer().isAck()) {
      return CaseResult.failed(c, "refused: " + call.sent().answer().summary(), List.of(sent));
    }
    CallbackMatch cb = kit.callback(call);
    if (!cb.counts()) {
      return CaseResult.failed(c, "ACKed, but " + cb.problem(), cb.evidence(sent));
    }
    return CaseResult.passed(c, "ACKed and answered with on_discover", cb.evidence(sent));
  }

  CaseResult replay(ConformanceCase c, KitBap.Call original) {
    KitBap.Call again =
        kit.sendRaw(original.context(), original.sent().body(), original.sent().authorization());
    List<Exchange> ev =
        List.of(
            original.sent().evidence("the original request"),
            again.sent().evidence("the same bytes and signature again"));
    if (again.sent().answer().isAck()) {
      return CaseResult.failed(
          c,
          "the repeat was acknowledged like a new request: " + again.sent().answer().summary(),
          ev);
    }
    if (again.sent().answer().status() == 0) {
      return CaseResult.failed(
          c, "no answer to the repeat: " + again.sent().answer().problem(), ev);
    }
    return CaseResult.passed(c, "repeat refused: " + again.sent().answer().summary(), ev);
  }

  private static ObjectNode tree(Envelope<?> e) {
    try {
      return (ObjectNode) JSON.readTree(Envelopes.write(e));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static byte[] bytes(JsonNode tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
