package org.uei.p2p.bap.cascade;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * Passes on to the buyer DISCOM's ledger provider what the seller platform reports of the seller
 * side: the seller DISCOM's allocations, and later the settled contract (FINAL_ALLOC, revenue
 * flows), as the full contract in an unsolicited on_status. Once per distinct set of those figures:
 * a repeated report is not sent again, and nothing goes back to the seller platform. When one
 * DISCOM is on both sides its ledger reported the seller side itself, so nothing is passed on.
 */
@ApplicationScoped
public class LedgerPassOn {

  @Inject Wave2Network network;
  @Inject CascadeMessages messages;
  @Inject AgroalDataSource dataSource;

  /**
   * Passes on the seller side's figures of an on_status/on_update from {@code sellerPlatform}; true
   * when it queued a message to the ledger.
   */
  @Transactional
  public boolean passOn(String sellerPlatform, Wave2Envelope e)
      throws TradeCodecException, SQLException {
    Contract c = e.message() == null ? null : e.message().contract();
    if (c == null || c.id() == null || c.contractAttributes() == null) {
      return false;
    }
    String digest = digest(Wave2Network.reader().contract(e.message()));
    DegContract dc = c.contractAttributes();
    String buyerDiscom = dc.participantIdOf(DegContract.BUYER_DISCOM).orElse(null);
    String sellerDiscom = dc.participantIdOf(DegContract.SELLER_DISCOM).orElse(null);
    if (digest == null || !network.configured(buyerDiscom) || buyerDiscom.equals(sellerDiscom)) {
      return false;
    }
    LedgerProvider ledger = network.ledger(buyerDiscom);
    String txn = e.context().transactionId();
    if (!claim(sellerPlatform, c.id(), digest, txn, ledger.ledgerId())) {
      return false;
    }
    messages.onStatus(ledger.ledgerId(), ledger.ledgerUri(), txn, c.toJson());
    return true;
  }

  /**
   * Records that these figures are passed on; false when they were already. The key decides between
   * instances that receive the same report at once.
   */
  private boolean claim(String seller, String contractId, String digest, String txn, String ledger)
      throws SQLException {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps =
            conn.prepareStatement(
                "INSERT INTO ledger_pass_on (seller_platform, contract_id, content_digest,"
                    + " transaction_id, ledger_id, queued_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT"
                    + " EXISTS (SELECT 1 FROM ledger_pass_on WHERE seller_platform = ? AND"
                    + " contract_id = ? AND content_digest = ?)")) {
      ps.setString(1, seller);
      ps.setString(2, contractId);
      ps.setString(3, digest);
      ps.setString(4, txn);
      ps.setString(5, ledger);
      ps.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
      ps.setString(7, seller);
      ps.setString(8, contractId);
      ps.setString(9, digest);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * A digest of the seller side's figures and the settlement in {@code tc}, or null when it carries
   * none. The buyer side's figures are left out: they came from the buyer DISCOM's ledger.
   */
  static String digest(TradeContract tc) {
    TreeSet<String> facts = new TreeSet<>();
    for (Allocation a : tc.allocations()) {
      if (a.side() == TradeSide.SELLER) {
        facts.add("SELLER " + a.tradeId() + " " + plain(a.allocatedKwh()));
      }
    }
    for (Map.Entry<String, BigDecimal> f : tc.finalKwh().entrySet()) {
      facts.add("FINAL " + f.getKey() + " " + plain(f.getValue()));
    }
    for (MoneyFlow f : tc.revenueFlows()) {
      facts.add("FLOW " + f.party() + " " + plain(f.amount()) + " " + f.currency());
    }
    if (facts.isEmpty()) {
      return null;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(String.join("\n", facts).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
