package org.uei.p2p.bpp.utility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.ledger.LedgerInbox;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The wave-2 messages of a utility node: its ledger provider's status for meter actuals ({@link
 * UtilityActuals}) and, when the node is its DISCOM's ledger too, the platforms' on_status to that
 * ledger ({@link LedgerInbox}).
 */
@ApplicationScoped
public class UtilityWave2 {

  /** The wave-2 actions a utility node serves. */
  public static final Set<Wave2Action> ACTIONS = Set.of(Wave2Action.STATUS, Wave2Action.ON_STATUS);

  @Inject UtilityActuals actuals;
  @Inject LedgerInbox ledger;
  @Inject BppConfig config;

  /**
   * True for what this class serves: on_status (to a co-located ledger), and a status that asks for
   * meter data (a DatasetItem request, refused here to anyone but the configured ledger) or comes
   * from the ledger; a platform's status of its trade is not.
   */
  boolean serves(InboundMessage m) {
    return switch (m.wave2Action()) {
      case ON_STATUS -> true;
      case STATUS ->
          config.utility().ledgerId().map(String::trim).filter(m.senderId()::equals).isPresent()
              || asksForMeterData(m);
      default -> false;
    };
  }

  private static boolean asksForMeterData(InboundMessage m) {
    var contract = m.wave2().message() == null ? null : m.wave2().message().contract();
    return contract != null
        && contract.toJson().findValues("@type").stream()
            .anyMatch(t -> "DatasetItem".equals(t.asText()));
  }

  void admit(InboundMessage m) throws InboundRejection {
    switch (m.wave2Action()) {
      case STATUS -> actuals.check(m);
      case ON_STATUS -> {
        if (!ledger.claims(m, false)) {
          throw notServed(m);
        }
        ledger.admit(m);
      }
      default -> throw notServed(m);
    }
  }

  void handle(InboundMessage m) throws InboundRejection {
    switch (m.wave2Action()) {
      case STATUS -> actuals.handle(m);
      case ON_STATUS -> ledger.handle(m);
      default -> throw notServed(m);
    }
  }

  private static InboundRejection notServed(InboundMessage m) {
    return InboundRejection.badRequest(
        ErrorCode.ACTION_NOT_APPLICABLE,
        m.actionName() + " from '" + m.senderId() + "' is not served by this utility node",
        "context.action");
  }
}
