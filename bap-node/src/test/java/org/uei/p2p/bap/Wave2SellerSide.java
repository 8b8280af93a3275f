package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;

/**
 * Plays a wave-2 seller platform in tests: reads the buyer platform's wave-2 requests and answers
 * them with signed wave-2 callbacks, as the devkit's seller platform does.
 */
final class Wave2SellerSide {

  /** The seller's own view of its DISCOM's ledger, as it puts it in its catalog. */
  static final Wave2Codec CODEC =
      new Wave2Codec(
          new PolicyReference("https://policies.test/p2p", "data.deg.contracts.p2p_trading"),
          List.of(
              new LedgerProvider(
                  "TPDDL",
                  "discom.tpddl.test",
                  Wave2TestNetwork.TPDDL_DISCOM_URI,
                  "ledger.tpddl.test",
                  Wave2TestNetwork.TPDDL_LEDGER_URI)));

  private Wave2SellerSide() {}

  static Wave2Envelope parse(CallbackReceiver.Received r) {
    try {
      return Wave2Envelope.parse(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** on_discover from the test seller with {@code offers}. */
  static Wave2Envelope onDiscover(Wave2Envelope request, List<EnergyOffer> offers) {
    ObjectNode c = Wave2Contexts.callbackFor(request.context(), Clock.systemUTC());
    c.put("bppId", TestPeers.peerId()).put("bppUri", TestPeers.peerUrl());
    return Wave2Envelope.of(
        c,
        CODEC.catalogMessage(
            new CatalogHeader("cat-1", "Test catalog", TestPeers.peerId(), TestPeers.peerUrl()),
            offers));
  }

  /** The callback to {@code request}: its contract echoed, then changed by {@code edit}. */
  static Wave2Envelope answer(Wave2Envelope request, Consumer<ObjectNode> edit) {
    ObjectNode m = request.message().toJson();
    edit.accept((ObjectNode) m.get("contract"));
    return Wave2Envelope.of(
        Wave2Contexts.callbackFor(request.context(), Clock.systemUTC()), Wave2Message.of(m));
  }

  /**
   * The callback to {@code request} that refuses it: the contract echoed as it was (not made
   * ACTIVE) and the LTS {@code error}, as a seller answers when its DISCOM's ledger did not ACK.
   */
  static Wave2Envelope error(Wave2Envelope request, String code, String message) {
    ObjectNode root = answer(request, k -> {}).toJson();
    root.putObject("error").put("errorCode", code).put("errorMessage", message);
    try {
      return Wave2Envelope.fromTree(root);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The seller's payment terms: a UPI address, in settlements[] as the devkit's on_init. */
  static void vpaTerms(ObjectNode contract) {
    ArrayNode s = contract.putArray("settlements");
    ObjectNode a =
        s.addObject()
            .put("id", "settlement-1")
            .put("status", "DRAFT")
            .putObject("settlementAttributes");
    a.put("@context", "https://schema.nfh.global/SettlementTerm/2.0/context.jsonld")
        .put("@type", "SettlementTerm");
    a.putObject("payTo").put("vpa", "seller-platform@upi");
    a.put("paymentTrigger", "ON_FULFILLMENT").put("settlementStatus", "PENDING");
  }

  /** An unsolicited on_status in the transaction of {@code request} carrying {@code contract}. */
  static Wave2Envelope onStatus(Wave2Envelope request, TradeContract contract) {
    ObjectNode c =
        Wave2Contexts.unsolicited(Wave2Action.ON_STATUS, request.context(), Clock.systemUTC());
    return Wave2Envelope.of(c, CODEC.contractMessage(contract));
  }

  static Response post(Wave2Envelope callback, BecknSigner signer) {
    byte[] body = callback.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/" + callback.context().action());
  }
}
