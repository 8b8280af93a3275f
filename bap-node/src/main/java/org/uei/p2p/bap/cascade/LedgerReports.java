package org.uei.p2p.bap.cascade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The buyer DISCOM's ledger allocation report ({@link Wave2LedgerReport}) at the buyer platform:
 * accepted only from the ledger provider this platform configured for the buyer DISCOM of a
 * contract it holds, each BUYER_DISCOM_ALLOC checked against that contract's trades, kept, and
 * relayed to the seller platform as the confirmed contract with those figures in its intervals. The
 * seller DISCOM's figures are not the buyer ledger's to report, unless one DISCOM is on both sides;
 * then its ledger reports them to the seller platform itself and they are not relayed.
 */
@ApplicationScoped
public class LedgerReports {

  /** A checked report: the contract, the reporting ledger and the new figures per line number. */
  public record Checked(
      ConfirmedContracts.Confirmed contract,
      String ledgerId,
      String transactionId,
      Map<Integer, BigDecimal> kwh) {}

  @Inject ConfirmedContracts contracts;
  @Inject Wave2Network network;
  @Inject BuyerAllocations allocations;
  @Inject CascadeMessages messages;

  /** True when {@code e} carries a ledger allocation report rather than a platform's contract. */
  public static boolean isReport(Wave2Envelope e) {
    Contract c = e.message() == null ? null : e.message().contract();
    return c != null && Wave2LedgerReport.isReport(c);
  }

  /**
   * Checks a report from {@code sender}: a contract confirmed to this platform in the report's
   * transaction, a sender that is its buyer DISCOM's ledger provider, and figures for its own
   * trades, within what each traded, for the trade's own delivery slot, and not different from a
   * figure kept before.
   */
  @Transactional
  public Checked check(String sender, Wave2Envelope e) throws InboundRejection {
    Contract c = e.message().contract();
    String txn = e.context().transactionId();
    ConfirmedContracts.Confirmed k =
        contracts
            .find(txn, c.id())
            .orElseThrow(
                () ->
                    InboundRejection.badRequest(
                        ErrorCode.ORDER_NOT_FOUND,
                        "no contract '"
                            + c.id()
                            + "' was confirmed to this platform in transaction "
                            + txn,
                        c.pathOf("id")));
    TradeOrder o = k.trade().order();
    String buyerDiscom = o.buyer().discomId();
    String ledger = network.ledgerId(buyerDiscom).orElse(null);
    if (!sender.equals(ledger)) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "'"
              + sender
              + "' does not report allocations of contract "
              + c.id()
              + ": only the buyer DISCOM "
              + buyerDiscom
              + "'s ledger provider does",
          "context.bppId");
    }
    List<Wave2LedgerReport.Line> lines;
    try {
      lines = Wave2LedgerReport.read(c);
    } catch (TradeCodecException ex) {
      throw new InboundRejection(400, ex.error(), Map.of());
    }
    String sellerDiscom = o.lines().get(0).seller().discomId();
    boolean alsoSellerLedger = ledger.equals(network.ledgerId(sellerDiscom).orElse(null));
    Map<Integer, BigDecimal> stored = stored(k);
    Map<Integer, BigDecimal> kwh = new TreeMap<>();
    for (Wave2LedgerReport.Line l : lines) {
      String path = pathOf(c, l.orderItemId());
      if (l.side() != TradeSide.BUYER) {
        if (alsoSellerLedger) {
          continue;
        }
        throw refuse(
            TimeSeries.SELLER_DISCOM_ALLOC
                + " of trade "
                + l.orderItemId()
                + " is the seller DISCOM's ledger's to report, not '"
                + ledger
                + "'",
            path);
      }
      int n = lineNo(l.orderItemId(), o.lines().size());
      if (n == 0) {
        throw InboundRejection.badRequest(
            ErrorCode.ITEM_NOT_FOUND,
            "'"
                + l.orderItemId()
                + "' names no trade of contract "
                + c.id()
                + " (its trades are 1 to "
                + o.lines().size()
                + ")",
            path);
      }
      OrderLine line = o.lines().get(n - 1);
      if (!line.slot().start().equals(l.start()) || !line.slot().end().equals(l.end())) {
        throw refuse(
            "trade "
                + n
                + " of contract "
                + c.id()
                + " is delivered "
                + line.slot()
                + ", not from "
                + l.start()
                + " to "
                + l.end(),
            path);
      }
      if (l.kwh().signum() < 0 || l.kwh().compareTo(line.quantityKwh()) > 0) {
        throw refuse(
            TimeSeries.BUYER_DISCOM_ALLOC
                + " "
                + l.kwh().toPlainString()
                + " of trade "
                + n
                + " must lie between 0 and the "
                + line.quantityKwh().toPlainString()
                + " kWh traded",
            path);
      }
      BigDecimal before = stored.get(n);
      if (before != null && before.compareTo(l.kwh()) != 0) {
        throw refuse(
            "trade "
                + n
                + " of contract "
                + c.id()
                + " was allocated "
                + before.toPlainString()
                + " kWh before; a different figure is not taken",
            path);
      }
      kwh.put(n, l.kwh());
    }
    if (kwh.isEmpty() && !alsoSellerLedger) {
      throw refuse(
          "the report carries no " + TimeSeries.BUYER_DISCOM_ALLOC, c.pathOf("commitments"));
    }
    return new Checked(k, ledger, txn, kwh);
  }

  /**
   * Checks the report again, keeps its new figures and relays every figure of the contract to the
   * seller platform; true when it relayed (a report that adds nothing is not relayed again).
   */
  @Transactional
  public boolean handle(String sender, Wave2Envelope e) throws InboundRejection, SQLException {
    Checked r = check(sender, e);
    ConfirmedContracts.Confirmed k = r.contract();
    String id = k.contract().id();
    if (r.kwh().isEmpty()
        || allocations.record(k.sellerPlatform(), id, r.transactionId(), r.ledgerId(), r.kwh())
            == 0) {
      return false;
    }
    ObjectNode relayed =
        withBuyerAllocations(k.contract().toJson(), allocations.of(k.sellerPlatform(), id));
    messages.onStatus(k.sellerPlatform(), k.sellerUri(), r.transactionId(), relayed);
    return true;
  }

  private Map<Integer, BigDecimal> stored(ConfirmedContracts.Confirmed k) {
    try {
      return allocations.of(k.sellerPlatform(), k.contract().id());
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read the kept allocations: " + ex.getMessage(), ex);
    }
  }

  /**
   * {@code contract} with a BUYER_DISCOM_ALLOC payload in the interval of each line of {@code kwh},
   * lines numbered as the codec numbers trades: commitment by commitment, interval by interval.
   */
  static ObjectNode withBuyerAllocations(ObjectNode contract, Map<Integer, BigDecimal> kwh) {
    int line = 0;
    for (JsonNode cm : contract.path("commitments")) {
      JsonNode ts = cm.path("commitmentAttributes");
      if (!(ts instanceof ObjectNode table) || !(ts.get("intervals") instanceof ArrayNode ins)) {
        continue;
      }
      describe(table);
      for (JsonNode in : ins) {
        line++;
        BigDecimal value = kwh.get(line);
        if (value == null || !(in instanceof ObjectNode interval)) {
          continue;
        }
        ArrayNode payloads =
            interval.get("payloads") instanceof ArrayNode p ? p : interval.putArray("payloads");
        for (Iterator<JsonNode> it = payloads.elements(); it.hasNext(); ) {
          if (TimeSeries.BUYER_DISCOM_ALLOC.equals(it.next().path("type").asText())) {
            it.remove();
          }
        }
        payloads
            .addObject()
            .put("type", TimeSeries.BUYER_DISCOM_ALLOC)
            .putArray("values")
            .add(value);
      }
    }
    return contract;
  }

  /** Declares the BUYER_DISCOM_ALLOC column in {@code table} unless it is declared. */
  private static void describe(ObjectNode table) {
    ArrayNode ds =
        table.get("payloadDescriptors") instanceof ArrayNode d
            ? d
            : table.putArray("payloadDescriptors");
    for (JsonNode d : ds) {
      if (TimeSeries.BUYER_DISCOM_ALLOC.equals(d.path("payloadType").asText())) {
        return;
      }
    }
    ds.addObject()
        .put("objectType", TimeSeries.PayloadDescriptor.REPORT)
        .put("payloadType", TimeSeries.BUYER_DISCOM_ALLOC)
        .put("units", "KWH")
        .put("insertedBy", org.uei.p2p.model.wave2.DegContract.BUYER_DISCOM);
  }

  /** The line number {@code orderItemId} names, or 0 when it names none of {@code lines}. */
  private static int lineNo(String orderItemId, int lines) {
    try {
      int n = Integer.parseInt(orderItemId);
      // The ledger writes the number as the seller platform put it: "1", never "01" or "+1".
      return n >= 1 && n <= lines && String.valueOf(n).equals(orderItemId) ? n : 0;
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private static String pathOf(Contract c, String orderItemId) {
    List<Commitment> cs = c.commitments();
    for (Commitment cm : cs) {
      if (cm != null && orderItemId.equals(cm.id())) {
        return cm.path();
      }
    }
    return c.pathOf("commitments");
  }

  private static InboundRejection refuse(String message, String path) {
    return InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, message, path);
  }
}
