package org.uei.p2p.bpp.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The wave-2 {@code on_status} messages addressed to the ledger provider, whichever mode the node
 * runs in: its DISCOM's meter actuals ({@link ActualsAnswers}) and the platforms' figures of the
 * other DISCOM ({@link PlatformFigures}).
 */
@ApplicationScoped
public class LedgerInbox {

  @Inject LedgerService ledger;
  @Inject ActualsAnswers answers;
  @Inject PlatformFigures figures;

  /**
   * Whether the ledger takes on_status {@code m}: always when its DISCOM sent it; when a platform
   * sent it, if that platform is party to the ledger's records of the transaction and {@code
   * elsewhere} (the node's other role claims it) is false.
   */
  public boolean claims(InboundMessage m, boolean elsewhere) {
    if (!ledger.enabled()) {
      return false;
    }
    return answers.fromOwnDiscom(m) || (!elsewhere && figures.partyTo(m));
  }

  /** The synchronous checks of a claimed message. */
  public void admit(InboundMessage m) throws InboundRejection {
    if (answers.fromOwnDiscom(m)) {
      answers.check(m);
    } else {
      figures.check(m);
    }
  }

  /** Takes a claimed, ACKed message. */
  public void handle(InboundMessage m) throws InboundRejection {
    if (answers.fromOwnDiscom(m)) {
      answers.handle(m);
    } else {
      figures.handle(m);
    }
  }
}
