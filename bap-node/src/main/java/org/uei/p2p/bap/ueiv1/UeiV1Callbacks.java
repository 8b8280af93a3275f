package org.uei.p2p.bap.ueiv1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wire.WireDetector;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * The UEI v1 callbacks a transaction holds, read back from the transaction store, and the error a
 * callback carries.
 */
public final class UeiV1Callbacks {

  private UeiV1Callbacks() {}

  /**
   * The UEI v1 callbacks of {@code txn} from {@code bppId}, oldest first; every action when {@code
   * action} is null. Call inside a transaction.
   */
  public static List<UeiV1Envelope> of(String txn, String bppId, String action) {
    List<UeiV1Envelope> out = new ArrayList<>();
    for (StoredMessage m : StoredMessage.byTransaction(txn)) {
      if (m.direction == Direction.IN
          && bppId.equals(m.senderId)
          && (action == null || action.equals(m.action))) {
        read(m.body).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The latest {@code action} of {@code txn} from {@code bppId} that carries no error. */
  public static Optional<UeiV1Envelope> last(String txn, String bppId, String action) {
    List<UeiV1Envelope> found = of(txn, bppId, action);
    for (int i = found.size() - 1; i >= 0; i--) {
      if (found.get(i).member("error") == null) {
        return Optional.of(found.get(i));
      }
    }
    return Optional.empty();
  }

  /** A stored body read as UEI v1; empty for a body of another wire. */
  public static Optional<UeiV1Envelope> read(byte[] body) {
    try {
      UeiV1Envelope e = UeiV1Envelope.parse(body);
      return WireDetector.detect(e.toJson()).generation() == WireGeneration.UEI_V1
          ? Optional.of(e)
          : Optional.empty();
    } catch (MessageParseException e) {
      // Stored messages passed parsing when they arrived; skip one that no longer does.
      return Optional.empty();
    }
  }

  /** The error a callback carries ({@code error.code}, {@code message}, {@code paths}), if any. */
  public static Optional<BecknError> refusal(UeiV1Envelope callback) {
    JsonNode e = callback.member("error");
    if (e == null || !e.isObject()) {
      return Optional.empty();
    }
    return Optional.of(BecknError.of(text(e, "code"), text(e, "message"), text(e, "paths")));
  }

  /**
   * Why a callback fails its request, or null when it answers it: the error it carries, or an
   * on_confirm whose order the seller did not make ACTIVE.
   */
  public static BecknError failure(UeiV1Envelope callback) {
    BecknError refused = refusal(callback).orElse(null);
    if (refused != null) {
      return refused;
    }
    Order o = callback.message() == null ? null : callback.message().order();
    if (callback.action().orElse(null) == UeiV1Action.ON_CONFIRM
        && (o == null || !"ACTIVE".equals(o.status()))) {
      return BecknError.of(
          ErrorCode.BUSINESS_ERROR,
          "the seller platform did not make the order ACTIVE (status "
              + (o == null ? "absent" : o.status())
              + ")",
          "message.order.status");
    }
    return null;
  }

  private static String text(JsonNode e, String name) {
    return e.path(name).isValueNode() && !e.path(name).isNull() ? e.path(name).asText() : null;
  }
}
