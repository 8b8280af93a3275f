package org.uei.p2p.bpp.wave2;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.uei.p2p.bpp.beckn.OrderAdmission;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The seller platform's answers on IES wave 2: discover → on_discover, select → on_select, init →
 * on_init (with settlement terms), confirm → on_confirm (ACTIVE once both DISCOMs' ledgers recorded
 * it), status → on_status, cancel → on_cancel. With DISCOM utility nodes configured, init and
 * confirm first wait for their limit checks ({@link UtilityCascade}). The contract is read into the
 * wire-neutral order and goes through the same admission, pricing, order and inventory code as wave
 * 1; the network and contract policy run first. Every refusal is a 400 NACK naming the member of
 * the buyer's contract at fault.
 */
@ApplicationScoped
public class Wave2Seller {

  /** The wave-2 actions a seller platform serves. */
  public static final Set<Wave2Action> ACTIONS =
      Set.of(
          Wave2Action.DISCOVER,
          Wave2Action.SELECT,
          Wave2Action.INIT,
          Wave2Action.CONFIRM,
          Wave2Action.STATUS,
          Wave2Action.CANCEL,
          Wave2Action.ON_STATUS,
          Wave2Action.CATALOG_ON_PUBLISH,
          Wave2Action.ON_INIT,
          Wave2Action.ON_CONFIRM,
          Wave2Action.ON_CANCEL);

  /** The on_confirm error code of a ledger that did not acknowledge in time (reference adapter). */
  public static final String LEDGER_TIMEOUT = "DEG_ASYNC_ACK_TIMEOUT";

  @Inject Wave2Contracts contracts;
  @Inject Wave2Catalog catalog;
  @Inject Wave2Replies replies;
  @Inject OrderAdmission admission;
  @Inject OrderService orders;
  @Inject Confirmations confirmations;
  @Inject MarketClock marketClock;
  @Inject TradingRules rules;
  @Inject AllocationCascade cascade;
  @Inject PublishResults publishResults;
  @Inject UtilityCascade utilities;
  @Inject CascadeOutcome outcome;

  /** The synchronous checks; a wave-2 NACK is always HTTP 400 (LTS {@code NackBadRequest}). */
  public void admit(InboundMessage m) throws InboundRejection {
    try {
      switch (m.wave2Action()) {
        case DISCOVER -> filter(m);
        case SELECT, INIT, CONFIRM -> contracts.admit(m);
        case STATUS -> existing(m);
        case CANCEL -> beforeGateClosure(existing(m));
        case ON_STATUS -> cascade.check(m);
        case CATALOG_ON_PUBLISH -> publishResults.admit(m);
        case ON_INIT, ON_CONFIRM, ON_CANCEL -> utilities.admit(m);
        default ->
            throw InboundRejection.badRequest(
                ErrorCode.ACTION_NOT_APPLICABLE,
                m.actionName() + " is not served here",
                "context.action");
      }
    } catch (InboundRejection r) {
      throw r.httpStatus() == 200 ? new InboundRejection(400, r.errors(), r.headers()) : r;
    }
  }

  /** Answers an ACKed message through the callback outbox. */
  public void handle(InboundMessage m) throws Exception {
    var request = m.wave2Context();
    switch (m.wave2Action()) {
      case DISCOVER -> replies.reply(request, catalog.discover(filter(m)), null);
      case SELECT ->
          replies.reply(
              request, replies.contract(contracts.priced(m, TradeStatus.PENDING), false), null);
      case INIT -> init(m);
      case CONFIRM -> confirm(m);
      case STATUS -> replies.reply(request, current(existing(m)), null);
      case CANCEL -> replies.reply(request, current(outcome.cancel(existing(m).id)), null);
      case ON_STATUS -> cascade.handle(m);
      case CATALOG_ON_PUBLISH -> publishResults.handle(m);
      case ON_INIT, ON_CONFIRM, ON_CANCEL -> utilities.handle(m);
      default -> throw new IllegalStateException(m.actionName() + " was admitted but not handled");
    }
  }

  /** An init with DISCOM utility nodes configured waits for their limit checks. */
  private void init(InboundMessage m) throws Exception {
    TradeContract tc = contracts.priced(m, TradeStatus.PENDING);
    var discoms = utilities.utilitiesOf(tc);
    if (!discoms.isEmpty()) {
      utilities.start(m, null, discoms, replies.contract(tc, true));
      return;
    }
    replies.reply(m.wave2Context(), replies.contract(tc, true), null);
  }

  private void confirm(InboundMessage m) throws Exception {
    TradeContract tc = contracts.priced(m, TradeStatus.PENDING);
    var discoms = utilities.utilitiesOf(tc);
    BecknError refusal;
    try {
      if (!discoms.isEmpty()) {
        // The utilities record first; the ledgers hear of the contract once all of them did.
        utilities.confirm(m, tc, discoms);
        return;
      }
      SellerOrder o =
          confirmations.confirm(
              tc.order(),
              m.wireContext(),
              contracts.configured(tc.sellerLedger()),
              contracts.configured(tc.buyerLedger()));
      replies.reply(m.wave2Context(), current(o), null);
      return;
    } catch (OrderService.NotAvailable e) {
      refusal =
          BecknError.of(
              ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
              e.getMessage(),
              contracts.paths(m).quantity(e.line()));
    } catch (LedgerForwarding.NotRecorded e) {
      refusal =
          BecknError.of(
              e.timedOut() ? LEDGER_TIMEOUT : ErrorCode.BUSINESS_ERROR.code(),
              "the contract was not confirmed, nothing was reserved: " + e.getMessage(),
              m.wave2().message().contract().pathOf("participants"));
    } catch (RuntimeException e) {
      if (org.uei.p2p.node.store.Causes.isConstraintViolation(e)) {
        // The offer's CHECK constraint stopped a reservation that lost a race.
        refusal =
            BecknError.of(
                ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
                "the energy was taken by another order",
                contracts.paths(m).quantity(0));
      } else {
        // A reservation that could not be made now (a lock held past the database's wait while
        // another confirm of the same offer waits for its ledgers): the buyer hears it and may
        // confirm again; the details stay in this node's log.
        Log.errorf(e, "confirm of transaction %s failed", m.wave2Context().transactionId());
        refusal =
            BecknError.of(
                ErrorCode.BUSINESS_ERROR,
                "the contract could not be confirmed now and nothing was reserved; confirm again",
                m.wave2().message().contract().path());
      }
    }
    // No contract was made: the draft goes back unchanged, with why.
    replies.reply(m.wave2Context(), replies.contract(tc, true), refusal);
  }

  /**
   * Sends the buyer platform of wave-2 order {@code o} its contract as it stands now, unasked, as
   * {@code action} (on_status or on_update): the operator's notify.
   *
   * @return the message id sent
   */
  @jakarta.transaction.Transactional
  public String notifyBuyer(SellerOrder o, Wave2Action action) {
    return replies.unsolicited(o, action, current(o));
  }

  private Wave2Message current(SellerOrder o) {
    return replies.contract(contracts.of(orders.find(o.id).orElse(o)), true);
  }

  /** The order a status or cancel names by {@code contract.id}; it must be the sender's. */
  private SellerOrder existing(InboundMessage m) throws InboundRejection {
    Contract c = m.wave2().message().contract();
    String id = c == null ? null : c.id();
    SellerOrder o = id == null ? null : orders.find(id).orElse(null);
    if (o == null || !o.bapId.equals(m.wave2Context().bapId())) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "no contract '" + id + "' of '" + m.wave2Context().bapId() + "'",
          c == null ? "message.contract" : c.pathOf("id"));
    }
    return o;
  }

  private void beforeGateClosure(SellerOrder o) throws InboundRejection {
    if (o.status != OrderStatus.ACTIVE) {
      throw InboundRejection.badRequest(
          ErrorCode.CANCELLATION_NOT_POSSIBLE,
          "contract '" + o.id + "' is " + o.status,
          "message.contract.id");
    }
    Instant gateClosure = orders.firstSlotStart(o).minus(rules.gateClosureBefore());
    if (!marketClock.now().isBefore(gateClosure)) {
      throw InboundRejection.badRequest(
          ErrorCode.CANCELLATION_NOT_POSSIBLE,
          "cancellation is not possible after gate closure at " + gateClosure,
          "message.contract.id");
    }
  }

  private static DiscoverFilter filter(InboundMessage m) throws InboundRejection {
    Wave2Message.Intent intent = m.wave2().message().intent();
    if (intent == null || intent.filterExpression() == null) {
      return DiscoverFilter.matchAll();
    }
    String type = intent.filterType();
    if (type != null && !Wave2Message.Intent.JSONPATH.equalsIgnoreCase(type)) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "filter type '" + type + "' is not supported; use jsonpath",
          "message.intent.filters.type");
    }
    try {
      return DiscoverFilter.parseWave2(intent.filterExpression());
    } catch (DiscoverFilter.UnsupportedFilterException e) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "unsupported filter: " + e.getMessage(),
          "message.intent.filters.expression");
    }
  }
}
