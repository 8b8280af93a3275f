package org.uei.p2p.bap.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * What the buyer platform checks in a seller's wave-2 callback beyond the wire's rules, before it
 * is ACKed: a contract this platform can read, and for each DISCOM this platform knows, the ledger
 * provider this platform named (a seller must not move a contract's record to another ledger). A
 * callback that carries an error instead is the seller's refusal and is taken as it is.
 */
@ApplicationScoped
public class Wave2Admission {

  @Inject Wave2Network network;

  /** Refuses a contract callback the buyer platform cannot hold the seller to. */
  public void admit(Wave2Envelope callback) throws InboundRejection {
    if (refusal(callback).isPresent()
        || callback.message() == null
        || callback.message().contract() == null) {
      return;
    }
    Contract c = callback.message().contract();
    try {
      Wave2Network.reader().contract(callback.message());
    } catch (TradeCodecException e) {
      BecknError err = e.error();
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST, err.getMessage(), err.getPaths());
    }
    for (String role : List.of(DegContract.BUYER_DISCOM, DegContract.SELLER_DISCOM)) {
      Optional<Participant> p = c.participantInRole(role);
      Optional<LedgerProvider> ours = p.flatMap(x -> network.knownLedger(x.id()));
      if (ours.isEmpty() || p.get().ledgerProvider() == null) {
        continue;
      }
      Participant.DiscomLedgerProvider theirs = p.get().ledgerProvider();
      LedgerProvider l = ours.get();
      check(theirs, "discomId", theirs.discomId(), l.discomSubscriberId(), role);
      check(theirs, "ledgerId", theirs.ledgerId(), l.ledgerId(), role);
      check(theirs, "ledgerUri", theirs.ledgerUri(), l.ledgerUri(), role);
    }
  }

  /**
   * The error a callback carries instead of an answer (the LTS async error callback), if any: its
   * {@code errorCode}/{@code errorMessage} (or {@code code}/{@code message}) and {@code paths}.
   */
  public static Optional<BecknError> refusal(Wave2Envelope callback) {
    var e = callback.member("error");
    if (e == null || !e.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        BecknError.of(
            text(e, "errorCode", "code"), text(e, "errorMessage", "message"), text(e, "paths")));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode e, String... names) {
    for (String n : names) {
      if (e.path(n).isValueNode() && !e.path(n).isNull()) {
        return e.path(n).asText();
      }
    }
    return null;
  }

  private static void check(
      Participant.DiscomLedgerProvider theirs,
      String member,
      String value,
      String expected,
      String role)
      throws InboundRejection {
    if (!expected.equals(value)) {
      throw InboundRejection.badRequest(
          ErrorCode.POLICY_ERROR,
          "the "
              + role
              + "'s "
              + member
              + " must be '"
              + expected
              + "' as the buyer platform named it, not '"
              + value
              + "'",
          theirs.pathOf(member));
    }
  }
}
