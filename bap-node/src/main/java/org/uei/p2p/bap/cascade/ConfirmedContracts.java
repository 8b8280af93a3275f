package org.uei.p2p.bap.cascade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;

/**
 * The contracts this platform holds as the seller platforms confirmed them: the ACTIVE contract of
 * an on_confirm this platform received and accepted in a transaction, read back from the
 * transaction store.
 */
@ApplicationScoped
public class ConfirmedContracts {

  /**
   * A confirmed contract.
   *
   * @param sellerPlatform the seller platform that confirmed it
   * @param sellerUri where that seller platform takes callbacks (its checked {@code bppUri})
   * @param contract the contract as on_confirm carried it
   * @param trade the contract read: its order lines are the trades, numbered from 1
   */
  public record Confirmed(
      String sellerPlatform, String sellerUri, Contract contract, TradeContract trade) {}

  /** The contract {@code contractId} confirmed in transaction {@code txn}, if any. */
  @Transactional
  public Optional<Confirmed> find(String txn, String contractId) {
    if (txn == null || contractId == null) {
      return Optional.empty();
    }
    Confirmed found = null;
    for (StoredMessage m : StoredMessage.byTransaction(txn)) {
      if (m.direction != Direction.IN || !Wave2Action.ON_CONFIRM.wireName().equals(m.action)) {
        continue;
      }
      Wave2Envelope e;
      try {
        e = Wave2Envelope.parse(m.body);
      } catch (MessageParseException ex) {
        // Another wire's on_confirm in the same transaction: not this contract.
        continue;
      }
      Contract c = e.message() == null ? null : e.message().contract();
      if (e.member("error") != null
          || c == null
          || !contractId.equals(c.id())
          || !"ACTIVE".equals(c.statusCode())) {
        continue;
      }
      try {
        TradeContract tc = Wave2Network.reader().contract(e.message());
        // The latest on_confirm stands, as for the client API's reads of the transaction.
        found = new Confirmed(m.senderId, e.context().bppUri(), c, tc);
      } catch (TradeCodecException ex) {
        // Admitted on_confirms were read once already; one that is not readable now is skipped.
      }
    }
    return Optional.ofNullable(found);
  }
}
