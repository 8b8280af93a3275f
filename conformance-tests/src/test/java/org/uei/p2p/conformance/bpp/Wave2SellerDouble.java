package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A wave-2 seller platform for the kit's own tests: one offer, a contract policy that allows three
 * buyer DISCOMs, settlement terms on on_init, the confirmed trade written to the seller DISCOM's
 * ledger before on_confirm, and a settled on_status. Each {@link Fault} breaks one of these.
 */
final class Wave2SellerDouble implements AutoCloseable {

  /** What is wrong with this seller. */
  enum Fault {
    NONE,
    WRONG_KEY,
    MISSING_ECHO,
    UNSIGNED_CALLBACK,
    ACCEPTS_POLICY_VIOLATION,
    UNBALANCED_REVENUE_FLOW,
    UNSETTLED,
    EARLY_ON_CONFIRM,
    WRONG_LEDGER
  }

  static final String DISCOM = "TPDDL";
  private static final Set<String> ALLOWED_BUYERS = Set.of("TPDDL", "BRPL", "PVVNL");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KitIdentity identity = KitIdentity.fresh("wave2-seller-double.conformance.local");
  private final Fault fault;
  private final BecknListener listener;
  private final ExecutorService work = Executors.newSingleThreadExecutor();
  private final HttpClient http = HttpClient.newHttpClient();
  private final EnergyOffer offer;

  Wave2SellerDouble(String registryUrl, Fault fault) throws IOException, InterruptedException {
    this.fault = fault;
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(registryUrl)));
    listener =
        new BecknListener(
            "127.0.0.1",
            0,
            verifier,
            t -> t.path("context").path("bapId").asText(null),
            identity.subscriberId());
    listener.responder(this::respond);
    Instant start = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    offer =
        new EnergyOffer(
            "wave2-offer-1",
            identity.subscriberId(),
            new MeterPoint("TEST_SELLER_METER_01", DISCOM),
            new DeliverySlot(start, start.plus(1, ChronoUnit.HOURS)),
            new UnitPrice(new BigDecimal("6.50"), UnitPrice.INR),
            new BigDecimal("5"),
            Instant.now().minusSeconds(60),
            start.minus(4, ChronoUnit.HOURS));
    identity.registerLocally(registryUrl, "BPP", url(), "ies-wave2");
  }

  String url() {
    return "http://127.0.0.1:" + listener.port();
  }

  String id() {
    return identity.subscriberId();
  }

  private BecknListener.Reply respond(Inbound m) {
    if (!m.signature().valid()) {
      return Wave2Replies.unauthorized(id(), m.signature());
    }
    Wave2Envelope env;
    try {
      env = Wave2Envelope.parse(m.body());
    } catch (MessageParseException e) {
      return Wave2Replies.nack(400, "30000", e.getMessage(), "", Map.of());
    }
    String action = m.action();
    Contract contract = env.message() == null ? null : env.message().contract();
    if (!"discover".equals(action) && contract == null) {
      return Wave2Replies.nack(400, "30000", "contract is required", "message.contract", Map.of());
    }
    if ("init".equals(action) && fault != Fault.ACCEPTS_POLICY_VIOLATION) {
      String buyer =
          contract.contractAttributes().participantIdOf(DegContract.BUYER_DISCOM).orElse(null);
      if (!ALLOWED_BUYERS.contains(buyer)) {
        return Wave2Replies.nack(
            400,
            "50000",
            "buyer DISCOM " + buyer + " may not buy from " + DISCOM,
            "message.contract.contractAttributes.roles",
            Map.of());
      }
    }
    work.submit(() -> answer(env, action, contract));
    return Wave2Replies.ack();
  }

  private void answer(Wave2Envelope request, String action, Contract contract) {
    ObjectNode context = Wave2Contexts.callbackFor(request.context(), Clock.systemUTC());
    ObjectNode message = JSON.createObjectNode();
    switch (action) {
      case "discover" -> message = catalog();
      case "init" -> {
        ObjectNode c = contract.toJson();
        c.putArray("consideration")
            .addObject()
            .put("id", "settlement-terms")
            .putObject("considerationAttributes")
            .put("@type", "SettlementTerm")
            .putObject("payTo")
            .put("vpa", "seller@upi");
        message.set("contract", c);
        if (fault == Fault.MISSING_ECHO) {
          context.put("messageId", UUID.randomUUID().toString());
        }
      }
      case "confirm" -> {
        String ledger =
            ledgerOf(contract, fault == Fault.WRONG_LEDGER ? "buyerDiscom" : "sellerDiscom");
        if (fault == Fault.EARLY_ON_CONFIRM) {
          new Thread(() -> writeLedger(ledger, request, contract)).start();
        } else if (!writeLedger(ledger, request, contract)) {
          return;
        }
        ObjectNode c = contract.toJson();
        c.put("id", "contract-" + request.context().transactionId());
        c.putObject("status").put("code", "ACTIVE");
        message.set("contract", c);
      }
      case "status" -> {
        ObjectNode c = message.putObject("contract");
        c.put("id", contract.id());
        c.putObject("status").put("code", "ACTIVE");
        if (fault == Fault.UNSETTLED) {
          break;
        }
        ArrayNode flows =
            c.putArray("consideration")
                .addObject()
                .put("id", Contract.AUTO_SETTLEMENT_FLOWS)
                .putObject("considerationAttributes")
                .put("@type", "RevenueFlow")
                .putArray("revenueFlows");
        BigDecimal value = offer.price().perKwh();
        flows
            .addObject()
            .put("role", "buyerPlatform")
            .put("value", value.negate())
            .put("currency", "INR");
        flows
            .addObject()
            .put("role", "sellerPlatform")
            .put(
                "value", fault == Fault.UNBALANCED_REVENUE_FLOW ? value.add(BigDecimal.ONE) : value)
            .put("currency", "INR");
      }
      default -> {
        return;
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("context", context);
    root.set("message", message);
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String auth =
        fault == Fault.WRONG_KEY
            ? BecknSigner.of(id(), identity.keyId(), Ed25519KeyPair.generate()).authorization(body)
            : fault == Fault.UNSIGNED_CALLBACK && "confirm".equals(action)
                ? null
                : identity.signer().authorization(body);
    post(request.context().bapUri() + "/on_" + action, body, auth);
  }

  private ObjectNode catalog() {
    LedgerProvider own =
        new LedgerProvider(
            DISCOM, "tpddl.discom.local", "http://127.0.0.1:1", "l", "http://127.0.0.1:1");
    Wave2Message m =
        new Wave2Codec(
                new PolicyReference("https://policy.example/common", "data.p2p"), List.of(own))
            .catalogMessage(
                new CatalogHeader("cat-1", "Double's energy", id(), url()), List.of(offer));
    return m.toJson();
  }

  private static String ledgerOf(Contract contract, String role) {
    String discom = contract.contractAttributes().participantIdOf(role).orElseThrow();
    Participant p = contract.participant(discom).orElseThrow();
    return p.ledgerProvider().ledgerUri();
  }

  /** Writes the confirmed trade to {@code ledger} and waits for its answer, as a seller must. */
  private boolean writeLedger(String ledger, Wave2Envelope request, Contract contract) {
    JsonNode table = contract.commitments().get(0).toJson().path("commitmentAttributes");
    ObjectNode put = JSON.createObjectNode();
    put.put("role", "SELLER")
        .put("transactionId", request.context().transactionId())
        .put("orderItemId", "1")
        .put("platformIdBuyer", request.context().bapId())
        .put("platformIdSeller", id())
        .put(
            "discomIdBuyer",
            contract.contractAttributes().participantIdOf("buyerDiscom").orElse(""))
        .put("discomIdSeller", DISCOM)
        .put("deliveryStartTime", table.path("intervalPeriod").path("start").asText())
        .putArray("tradeDetails")
        .addObject()
        .put("tradeType", "ENERGY")
        .put("tradeQty", BigDecimal.ONE)
        .put("tradeUnit", "KWH")
        .put("pricePerUnit", offer.price().perKwh())
        .put("priceCurrency", "INR");
    try {
      byte[] body = JSON.writeValueAsBytes(put);
      HttpResponse<byte[]> r =
          post(ledger + "/ledger/put", body, identity.signer().authorization(body));
      return r != null && r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<byte[]> post(String url, byte[] body, String auth) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (auth != null) {
      b.header(SignatureHeaders.AUTHORIZATION, auth);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    work.shutdownNow();
    listener.close();
  }
}
