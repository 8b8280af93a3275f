package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.signing.BecknVerifier;

/**
 * The kit playing both DISCOMs' ledger providers (DEG Ledger Service API): each a listener that
 * checks the caller's signature (the platform its request names), keeps every write, and answers
 * {@code /ledger/put} only after holding it for a while, noting any on_confirm that reaches the
 * kit's callback listener meanwhile (a seller must wait for the ledger before confirming).
 */
final class KitLedgers implements AutoCloseable {

  /** One write a ledger received, and what happened while the kit held its answer. */
  record Put(Inbound request, Instant answeredAt, List<Inbound> onConfirmsWhileHeld) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BecknListener seller;
  private final BecknListener buyer;
  private final String host;
  private final List<Put> sellerPuts = new ArrayList<>();
  private final List<Put> buyerPuts = new ArrayList<>();

  /**
   * Starts both ledgers.
   *
   * @param callbacks the kit's callback listener, watched for on_confirm while a put is held
   * @param hold how long each put is held before its answer
   */
  KitLedgers(
      String host,
      int sellerPort,
      int buyerPort,
      BecknVerifier verifier,
      String realm,
      BecknListener callbacks,
      Duration hold)
      throws IOException {
    this.host = host;
    this.seller = new BecknListener(host, sellerPort, verifier, KitLedgers::caller, realm);
    try {
      this.buyer = new BecknListener(host, buyerPort, verifier, KitLedgers::caller, realm);
    } catch (IOException e) {
      seller.close();
      throw e;
    }
    seller.responder(m -> answer(seller, m, callbacks, hold, sellerPuts));
    buyer.responder(m -> answer(buyer, m, callbacks, Duration.ZERO, buyerPuts));
  }

  /** The platform a ledger write names as its author: the one whose role it writes as. */
  private static String caller(JsonNode body) {
    String role = body.path("role").asText("");
    JsonNode id = body.get("BUYER".equals(role) ? "platformIdBuyer" : "platformIdSeller");
    return id == null || !id.isTextual() ? null : id.asText();
  }

  private static BecknListener.Reply answer(
      BecknListener ledger, Inbound m, BecknListener callbacks, Duration hold, List<Put> puts) {
    if (!m.signature().valid()) {
      return ledger.unauthorized(m.signature());
    }
    if (!"put".equals(m.action())) {
      // A Beckn message to the ledger provider (the seller's notices): an LTS ACK.
      return Wave2Replies.ack();
    }
    List<Inbound> early = new ArrayList<>();
    try {
      callbacks
          .await(
              c -> "on_confirm".equals(c.action()) && !c.receivedAt().isBefore(m.receivedAt()),
              hold)
          .ifPresent(early::add);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (puts) {
      puts.add(new Put(m, Instant.now(), early));
      puts.notifyAll();
    }
    ObjectNode ok = JSON.createObjectNode();
    ok.put("success", true)
        .put("recordId", UUID.randomUUID().toString())
        .put("creationTime", Instant.now().toString())
        .put("rowDigest", "");
    try {
      return new BecknListener.Reply(200, Map.of(), JSON.writeValueAsBytes(ok));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The seller DISCOM's ledger URI (its {@code /ledger/put} is below it). */
  String sellerUri() {
    return "http://" + host + ":" + seller.port();
  }

  /** The buyer DISCOM's ledger URI. */
  String buyerUri() {
    return "http://" + host + ":" + buyer.port();
  }

  /**
   * Waits up to {@code timeout} for a write at the seller DISCOM's ledger to be answered; returns
   * at once when one has been.
   */
  void awaitPut(Duration timeout) throws InterruptedException {
    seller.await(m -> "put".equals(m.action()), timeout);
  }

  /** Waits up to {@code timeout} for a Beckn message at the seller DISCOM's ledger. */
  Optional<Inbound> awaitSellerNotice(Predicate<Inbound> which, Duration timeout)
      throws InterruptedException {
    return seller.await(m -> m.signature().valid() && which.test(m), timeout);
  }

  /** Writes the seller DISCOM's ledger has answered. */
  List<Put> sellerPuts() {
    synchronized (sellerPuts) {
      return List.copyOf(sellerPuts);
    }
  }

  /** Writes the buyer DISCOM's ledger has answered (a seller must not write there). */
  List<Put> buyerPuts() {
    synchronized (buyerPuts) {
      return List.copyOf(buyerPuts);
    }
  }

  /** Every request either ledger received, answered or not yet. */
  List<Inbound> received() {
    List<Inbound> all = new ArrayList<>(seller.received());
    all.addAll(buyer.received());
    return all;
  }

  @Override
  public void close() {
    seller.close();
    buyer.close();
  }
}
