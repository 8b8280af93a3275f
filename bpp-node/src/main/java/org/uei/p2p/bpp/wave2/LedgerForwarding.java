package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * Forwards a confirmed contract to the DISCOMs' ledger providers: one Beckn-signed {@code POST
 * /ledger/put} (DEG Ledger Service API v0.4.0) per trade, the seller DISCOM's ledger first, each
 * waiting for that ledger's acknowledgement. A record is keyed by the transaction id and the
 * trade's line number, so forwarding the same contract again (a retried confirm) rewrites the same
 * records instead of adding new ones. {@code clientReference} is the contract id, which the ledger
 * names in its allocation reports.
 */
@ApplicationScoped
public class LedgerForwarding {

  /** A ledger that refused the contract or did not answer in time. */
  public static final class NotRecorded extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    NotRecorded(String message) {
      this(message, false);
    }

    NotRecorded(String message, boolean timedOut) {
      super(message);
      this.timedOut = timedOut;
    }

    /** True when the ledger did not answer in time (rather than refused or was unreachable). */
    public boolean timedOut() {
      return timedOut;
    }
  }

  @Inject NodeIdentity identity;
  @Inject Wave2Config config;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /**
   * Records {@code order} (as confirmed, with its id) on the seller DISCOM's ledger, then on the
   * buyer DISCOM's when it is another one.
   *
   * @throws NotRecorded at the first ledger that did not acknowledge; later ledgers are not called
   */
  public void forward(
      TradeOrder order, String transactionId, LedgerProvider seller, LedgerProvider buyer)
      throws NotRecorded {
    List<LedgerProvider> ledgers = new ArrayList<>(List.of(seller));
    if (!buyer.discomId().equals(seller.discomId())) {
      ledgers.add(buyer);
    }
    // The ledger API takes times to the millisecond.
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    for (LedgerProvider ledger : ledgers) {
      for (int i = 0; i < order.lines().size(); i++) {
        put(ledger, body(order, transactionId, i, seller.discomId(), now));
      }
    }
  }

  /** The {@code /ledger/put} body of line {@code i}, written by the seller platform. */
  static byte[] body(
      TradeOrder order, String transactionId, int i, String sellerDiscom, Instant now) {
    OrderLine l = order.lines().get(i);
    ObjectNode n = new JsonNodeFactory(true).objectNode();
    n.put("role", "SELLER")
        .put("transactionId", transactionId)
        .put("orderItemId", String.valueOf(i + 1))
        .put("platformIdBuyer", order.buyerPlatformId())
        .put("platformIdSeller", order.sellerPlatformId())
        .put("discomIdBuyer", order.buyer().discomId())
        .put("discomIdSeller", sellerDiscom)
        .put("buyerId", order.buyer().meterId())
        .put("sellerId", l.seller().meterId())
        .put("tradeTime", now.toString())
        .put("deliveryStartTime", l.slot().start().toString())
        .put("deliveryEndTime", l.slot().end().toString());
    if (order.orderId() != null) {
      // The ledger reports allocations under the contract id, which it cannot know otherwise.
      n.put("clientReference", order.orderId());
    }
    n.putArray("tradeDetails")
        .addObject()
        .put("tradeType", "ENERGY")
        .put("tradeQty", l.quantityKwh())
        .put("tradeUnit", "KWH")
        .put("pricePerUnit", l.price().perKwh())
        .put("priceCurrency", l.price().currency().getCurrencyCode());
    return BecknJson.write(n);
  }

  private void put(LedgerProvider ledger, byte[] body) throws NotRecorded {
    Duration timeout = config.ledgerForwardTimeout();
    String url = ledger.ledgerUri().replaceAll("/+$", "") + "/ledger/put";
    String who = "the ledger of DISCOM " + ledger.discomId() + " (" + url + ")";
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header(SignatureHeaders.AUTHORIZATION, identity.signer().authorization(body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
    } catch (IllegalArgumentException e) {
      throw new NotRecorded(who + " has an unusable URL: " + e.getMessage());
    }
    HttpResponse<byte[]> answer;
    var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      answer = pending.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      pending.cancel(true);
      throw new NotRecorded(who + " did not acknowledge the contract within " + timeout, true);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new NotRecorded(who + " did not acknowledge the contract within " + timeout, true);
      }
      throw new NotRecorded(who + " could not be reached: " + cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotRecorded("interrupted while forwarding the contract to " + who);
    }
    if (answer.statusCode() / 100 != 2) {
      throw new NotRecorded(
          who + " refused the contract: HTTP " + answer.statusCode() + " " + reason(answer.body()));
    }
  }

  /** The ledger's error as it states it ({@code code: message}), or the body's start. */
  private static String reason(byte[] body) {
    try {
      JsonNode n = BecknJson.readTree(body);
      if (n.hasNonNull("code")) {
        return n.path("code").asText() + ": " + n.path("message").asText();
      }
    } catch (IOException e) {
      // Not JSON: quote it.
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
