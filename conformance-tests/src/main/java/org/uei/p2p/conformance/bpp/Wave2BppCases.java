package org.uei.p2p.conformance.bpp;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/**
 * The cases run against a seller platform on IES wave 2 (Beckn 2.0 LTS): the kit plays the buyer
 * platform and both DISCOMs' ledger providers.
 */
public final class Wave2BppCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn 2.0 LTS envelope rules (IES wave 2)";
  private static final String ERR = "BECKN-005 (error codes), LTS NackBadRequest";
  private static final String POL = "IES wave 2 contract policy";
  private static final String LDG = "DEG Ledger Service API (IES wave 2)";

  public static final ConformanceCase ACK =
      new ConformanceCase(
          "W2-BPP-ACK-001",
          "A valid request is acknowledged in the LTS shape",
          ENV,
          true,
          "The kit sends a correctly signed wave-2 discover and expects HTTP 200 with {\"status\":\"ACK\"}"
              + " (the reference adapter's {\"message\":{\"status\":\"ACK\"}} is accepted too).",
          "The buyer platform waits for a callback only after an ACK; any other answer ends the conversation.",
          "Answer every valid request at once with HTTP 200 and {\"status\":\"ACK\"}; POST the result later"
              + " to {bapUri}/on_{action}.");
  public static final ConformanceCase OFFERS =
      new ConformanceCase(
          "W2-BPP-JRN-001",
          "Discover is answered with a catalog the kit can trade against",
          ENV,
          true,
          "After the discover the kit waits for on_discover and reads message.catalogs[].offers[] with their"
              + " EnergyTradeOffer (validity window, DEGContract, PRICE_PER_KWH and AVAILABLE_QTY time series).",
          "Without a readable offer no buyer platform can build a contract.",
          "Publish an open offer of 1 kWh or more for an hourly slot more than 4 h ahead and answer discover"
              + " with on_discover carrying it as an EnergyTradeOffer.");
  public static final ConformanceCase CALLBACK_SIGNED =
      new ConformanceCase(
          "W2-BPP-SIG-001",
          "Every callback is signed by the seller platform named in its context",
          SIG,
          true,
          "Every callback the kit received is checked: Authorization present, signature valid over the exact"
              + " body with the key the registry publishes, and keyId's subscriber equal to context.bppId.",
          "Buyer platforms refuse unsigned or wrongly signed callbacks: the buyer never sees the answer.",
          "Sign the exact bytes you send with the key registered for your bppId and name it in keyId.");
  public static final ConformanceCase MISSING_SIGNATURE =
      sig(
          "W2-BPP-SIG-002",
          "A request without signature is refused",
          "The kit sends a wave-2 discover without Authorization header.");
  public static final ConformanceCase WRONG_KEY =
      sig(
          "W2-BPP-SIG-003",
          "A request signed with a key other than the registered one is refused",
          "The kit signs a wave-2 discover as itself, with its key id, but with a key the registry does not"
              + " publish.");
  public static final ConformanceCase INVALID_MESSAGE =
      new ConformanceCase(
          "W2-BPP-ERR-001",
          "An invalid request gets a wave-2 NACK with the error code and the JSON path",
          ERR,
          true,
          "The kit sends a signed init whose message carries no contract and expects HTTP 400 with"
              + " {\"status\":\"NACK\",\"error\":{errorCode, errorMessage, paths}}: a code and a path that names"
              + " the message.",
          "A sender that cannot tell what is wrong cannot fix it; an ACK would promise an on_init that never comes.",
          "Validate every request before acknowledging it and answer 400 with the LTS NackBadRequest body,"
              + " a BECKN-005 code and the JSON path of what is wrong.");
  public static final ConformanceCase POLICY_REFUSAL =
      new ConformanceCase(
          "W2-BPP-POL-001",
          "An init whose contract breaks the contract policy is refused",
          POL,
          true,
          "The kit sends the same init as the passing one but with a buyer DISCOM that no network allows"
              + " (its buyerDiscom role and ledger provider participant) and expects HTTP 400 with a NACK; the"
              + " passing init (W2-BPP-JRN-002) shows that the refusal is for the policy.",
          "A seller that accepts a contract its DISCOM's policy forbids records a trade the ledgers and the DISCOM"
              + " will not settle.",
          "Run the contract policy (allowed DISCOMs, currency, roles, ledger URLs) on init and answer 400 with"
              + " a NACK (code 50000) when it rejects.");
  public static final ConformanceCase INIT =
      new ConformanceCase(
          "W2-BPP-JRN-002",
          "A passing init is answered with on_init carrying settlement terms",
          ENV,
          true,
          "The kit sends an init for 1 kWh of the offer, with both DISCOMs' ledger providers, and expects an"
              + " ACK and an on_init whose contract keeps the commitment and adds consideration[] with a"
              + " SettlementTerm (VPA, payment URL or bank account).",
          "Without settlement terms the buyer platform does not know where to pay.",
          "Answer on_init with the contract as received plus consideration[] holding a SettlementTerm.");
  public static final ConformanceCase CONFIRM =
      new ConformanceCase(
          "W2-BPP-JRN-003",
          "Confirm is answered with an ACTIVE contract",
          ENV,
          true,
          "The kit confirms the contract of on_init and expects an ACK and an on_confirm whose contract has"
              + " status ACTIVE and an id.",
          "The trade exists only once both platforms hold the same ACTIVE contract.",
          "On confirm, store the trade, forward it to your DISCOM's ledger, then answer on_confirm with status ACTIVE"
              + " and the contract id.");
  public static final ConformanceCase LEDGER_FORWARD =
      new ConformanceCase(
          "W2-BPP-LDG-001",
          "The confirmed contract is forwarded to the seller DISCOM's ledger",
          LDG,
          true,
          "The kit plays both DISCOMs' ledger providers at the URLs the contract names. It expects one POST"
              + " /ledger/put at the seller DISCOM's ledger, signed by the seller platform, role SELLER, with the"
              + " contract's transactionId, both platforms, both DISCOMs and the confirmed quantity and price.",
          "The DISCOM allocates and settles from its ledger: a trade not recorded, or recorded elsewhere or"
              + " with other numbers, is not settled.",
          "After confirm, POST /ledger/put to the ledgerUri of the sellerDiscom participant, signed with your key,"
              + " with the confirmed contract's facts.");
  public static final ConformanceCase LEDGER_BLOCKS =
      new ConformanceCase(
          "W2-BPP-LDG-002",
          "on_confirm waits for the ledger's ACK",
          LDG,
          true,
          "The kit's seller ledger holds its answer to /ledger/put for a while and expects no on_confirm before"
              + " it answered.",
          "An on_confirm sent before the ledger recorded the trade promises a trade the DISCOM may not know of.",
          "Forward to the ledger and wait for its ACK (time out with DEG_ASYNC_ACK_TIMEOUT) before on_confirm.");
  public static final ConformanceCase ECHO_MESSAGE_ID =
      new ConformanceCase(
          "W2-BPP-CB-001",
          "Callbacks reuse the request's messageId",
          ENV,
          true,
          "Every on_discover, on_init and on_confirm must carry the messageId of the request it answers.",
          "The buyer platform pairs callbacks with its requests by messageId; a callback with another one is lost.",
          "Build each callback context from the request's: same messageId and transactionId, action on_<action>,"
              + " a new timestamp.");
  public static final ConformanceCase ECHO_CONTEXT =
      new ConformanceCase(
          "W2-BPP-CB-002",
          "Callbacks echo the request's context",
          ENV,
          true,
          "Every callback must echo networkId, version, bapId, bapUri, bppId, bppUri and transactionId.",
          "A callback in another network or transaction is refused or filed under the wrong trade.",
          "Copy the request context into the callback; change only action and timestamp.");
  public static final ConformanceCase SELLER_ALLOC =
      settlement(
          "W2-BPP-SET-001",
          "The seller DISCOM's allocations reach the buyer platform",
          "After confirm the kit's seller DISCOM ledger sends an on_status with SELLER_DISCOM_ALLOC ("
              + Wave2Settlement.SELLER_SHARE
              + " of each trade) and expects an ACK, then an on_status at the buyer platform carrying it.",
          "The buyer platform learns what the seller side delivered only through the seller platform;"
              + " without it the buyer DISCOM's ledger cannot settle.",
          "Accept on_status from the seller DISCOM's ledger provider for your contracts and pass its"
              + " SELLER_DISCOM_ALLOC on to the buyer platform in an unsolicited on_status.");
  public static final ConformanceCase BUYER_ALLOC =
      settlement(
          "W2-BPP-SET-002",
          "The buyer DISCOM's allocations reach the seller DISCOM's ledger",
          "The kit as buyer platform sends an on_status with BUYER_DISCOM_ALLOC ("
              + Wave2Settlement.BUYER_SHARE
              + " of each trade) and expects an ACK, then an on_status at the seller DISCOM's ledger"
              + " provider (its registered URL) carrying it.",
          "The seller DISCOM's ledger hears the buyer side only from the seller platform: without it the"
              + " trade never settles there.",
          "Accept on_status from the contract's buyer platform and pass its BUYER_DISCOM_ALLOC on to the"
              + " seller DISCOM's ledger provider, never back to its sender.");
  public static final ConformanceCase FINAL_ALLOC =
      settlement(
          "W2-BPP-SET-003",
          "With both allocations the seller settles the contract",
          "After both allocations the kit expects an on_status at the buyer platform with FINAL_ALLOC (the"
              + " smaller allocation of each trade) and consideration[id=auto-settlement-flows] whose"
              + " RevenueFlow sums to zero, the buyer platform paying at least FINAL_ALLOC × PRICE_PER_KWH.",
          "Without the settlement nobody is paid; flows that do not balance cannot be netted.",
          "Once both DISCOMs' allocations of every trade are in, compute FINAL_ALLOC = min(buyer, seller)"
              + " and the revenue flows under the policy's charges, and send them to the buyer platform.");
  public static final ConformanceCase REVENUE_FLOW =
      new ConformanceCase(
          "W2-BPP-RF-001",
          "Revenue flows sum to zero",
          POL,
          true,
          "Every callback that carries consideration[id=auto-settlement-flows] must have revenue flows that sum to"
              + " zero within 0.005. Checked whenever one arrives (a settled on_status); none before settlement.",
          "Money paid out must equal money paid in: flows that do not balance cannot be netted between platforms.",
          "Compute the flows from FINAL_ALLOC × PRICE_PER_KWH and the charges, rounded to paise, so they sum to zero.",
          true);

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          ACK,
          OFFERS,
          CALLBACK_SIGNED,
          MISSING_SIGNATURE,
          WRONG_KEY,
          INVALID_MESSAGE,
          POLICY_REFUSAL,
          INIT,
          CONFIRM,
          LEDGER_FORWARD,
          LEDGER_BLOCKS,
          ECHO_MESSAGE_ID,
          ECHO_CONTEXT,
          SELLER_ALLOC,
          BUYER_ALLOC,
          FINAL_ALLOC,
          REVENUE_FLOW);

  /** The cases of the allocation cascade after confirm. */
  public static final List<ConformanceCase> SETTLEMENT =
      List.of(SELLER_ALLOC, BUYER_ALLOC, FINAL_ALLOC);

  private Wave2BppCases() {}

  /**
   * A cascade case: it needs the kit's ledgers to have their own identity, so not running it does
   * not fail a run; failing it does.
   */
  private static ConformanceCase settlement(
      String id, String title, String checks, String why, String fix) {
    return new ConformanceCase(id, title, LDG, true, checks, why, fix, true);
  }

  private static ConformanceCase sig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 with WWW-Authenticate and a NACK body, and no callback.",
        "A seller that acts on requests it cannot attribute can be made to trade by anyone.",
        "Verify every inbound Authorization header against the registry before anything else, check the"
            + " signer is context.bapId, and answer 401 with WWW-Authenticate and a NACK on any failure.");
  }
}
