package org.uei.p2p.conformance.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.signing.BecknSigner;

/** POSTs to the ledger API: serialized once, signed over those bytes (or not at all). */
final class LedgerCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BecknClient client;
  private final String target;

  LedgerCalls(String target, Duration timeout) {
    this.client = new BecknClient(timeout);
    this.target = target;
  }

  /** {@code POST /ledger/{op}} signed as {@code as}. */
  BecknClient.Sent post(String op, KitIdentity as, ObjectNode body) {
    return post(op, as.signer(), body);
  }

  /** {@code POST /ledger/{op}} signed by {@code signer}; null sends no Authorization. */
  BecknClient.Sent post(String op, BecknSigner signer, ObjectNode body) {
    byte[] bytes = bytes(body);
    return client.post(
        target, "ledger/" + op, bytes, signer == null ? null : signer.authorization(bytes));
  }

  /** The answer's body as JSON, or a missing node when it is none. */
  static JsonNode tree(BecknClient.Sent sent) {
    try {
      JsonNode n = JSON.readTree(sent.answer().body());
      return n == null ? JSON.missingNode() : n;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
