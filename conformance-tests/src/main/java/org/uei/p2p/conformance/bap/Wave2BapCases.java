package org.uei.p2p.conformance.bap;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/**
 * The cases run against a buyer platform on IES wave 2: the kit plays the seller platform and
 * checks what the buyer sends and how it takes the kit's callbacks.
 */
public final class Wave2BapCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn 2.0 LTS envelope rules (IES wave 2)";
  private static final String CON = "IES wave 2 contract (DEGContract, DiscomLedgerProvider)";

  public static final ConformanceCase FLOW =
      new ConformanceCase(
          "W2-BAP-JRN-001",
          "The buyer's flow reaches the kit: discover, init, confirm, status",
          ENV,
          true,
          "The kit serves a seller platform with one offer and waits for the buyer platform's discover, init,"
              + " confirm and status (select is accepted, never required).",
          "Without its flow none of the other cases can say anything about the buyer platform.",
          "Point the buyer platform at the kit (registry lookup or discovery URL) and run discover, init,"
              + " confirm and status against offer conformance-offer-1.");
  public static final ConformanceCase SIGNED =
      new ConformanceCase(
          "W2-BAP-SIG-001",
          "Every request is signed by the buyer platform named in its context",
          SIG,
          true,
          "Each request the kit received must carry an Authorization header valid over the exact body, with the"
              + " key the registry publishes for context.bapId.",
          "Seller platforms refuse unsigned or wrongly signed requests: the buyer cannot trade.",
          "Sign the exact bytes you send with the key registered for your bapId.");
  public static final ConformanceCase VALID =
      new ConformanceCase(
          "W2-BAP-MSG-001",
          "Every request is a valid wave-2 message",
          ENV,
          true,
          "Each request is read by the strict wave-2 validator: camelCase context with networkId, version 2.0.0,"
              + " ids and timestamp; contracts with their roles, participants and time series.",
          "A seller platform NACKs an invalid request: the buyer's trade never forms.",
          "Build requests from the wave-2 model and validate them before sending.");
  public static final ConformanceCase CONTEXT =
      new ConformanceCase(
          "W2-BAP-CTX-001",
          "Fresh messageIds, one transactionId for the trade",
          ENV,
          true,
          "Every request has its own messageId; init, confirm and status share one transactionId.",
          "A reused messageId is refused as a replay; a trade split over transactions is not one trade.",
          "Generate a UUID messageId per request and keep the transactionId of the init for the whole trade.");
  public static final ConformanceCase LEDGERS =
      new ConformanceCase(
          "W2-BAP-LDG-001",
          "The contract names both DISCOMs' ledger providers",
          CON,
          true,
          "The init's contract must name buyerDiscom and sellerDiscom roles whose participants are"
              + " DiscomLedgerProviders with a ledgerUri.",
          "Without both ledgers the trade cannot be recorded for allocation and settlement, and the seller's"
              + " contract policy refuses it.",
          "Add each DISCOM as a participant with its DiscomLedgerProvider (discomId, discomUri, ledgerId,"
              + " ledgerUri) and name it in contractAttributes.roles.");
  public static final ConformanceCase SETTLEMENT =
      new ConformanceCase(
          "W2-BAP-SET-001",
          "The buyer accepts on_init's settlement terms and confirms with them",
          CON,
          true,
          "The kit's on_init adds a SettlementTerm (VPA "
              + Wave2FakeSeller.VPA
              + "); the confirm must carry the contract with that term.",
          "A confirm without the seller's terms is a contract the seller did not offer.",
          "Confirm the contract as on_init returned it, settlement terms included.");
  public static final ConformanceCase ACKS =
      new ConformanceCase(
          "W2-BAP-ACK-001",
          "Correct callbacks are acknowledged",
          ENV,
          true,
          "Every correctly signed callback of the kit (on_discover, on_init, on_confirm, on_status) must get"
              + " HTTP 200 and an ACK ({\"status\":\"ACK\"} or {\"message\":{\"status\":\"ACK\"}}).",
          "A seller platform treats any other answer as a lost callback.",
          "ACK every valid callback at once; process it afterwards.");
  public static final ConformanceCase UNSIGNED_CALLBACK =
      new ConformanceCase(
          "W2-BAP-SIG-002",
          "An unsigned callback is refused",
          SIG,
          true,
          "After the flow the kit sends an on_status in the trade's transaction without Authorization and"
              + " expects HTTP 401 with WWW-Authenticate.",
          "A buyer platform that acts on unsigned callbacks can be told anything about its trades by anyone.",
          "Verify every callback's signature against the registry (signer = context.bppId); answer 401 with"
              + " WWW-Authenticate and a NACK on failure.");

  public static final ConformanceCase PASSED_ON =
      new ConformanceCase(
          "W2-BAP-ALC-001",
          "The seller DISCOM's allocations are taken and passed to the buyer DISCOM's ledger",
          CON,
          true,
          "After the flow the kit sends an unsolicited on_status with SELLER_DISCOM_ALLOC (0.80 of each"
              + " trade) and expects an ACK; when the contract names the kit as the buyer DISCOM's ledger,"
              + " it expects an on_status there with that allocation, signed by the buyer platform.",
          "The buyer DISCOM's ledger hears the seller side only from the buyer platform: without it the"
              + " trade never settles there.",
          "ACK the seller's on_status and pass its SELLER_DISCOM_ALLOC on to the buyer DISCOM's ledger"
              + " provider in an unsolicited on_status; never send it back to the seller.",
          true);
  public static final ConformanceCase SETTLED =
      new ConformanceCase(
          "W2-BAP-RF-001",
          "A settlement whose revenue flows sum to zero is taken",
          CON,
          true,
          "The kit sends an on_status with both DISCOMs' allocations, FINAL_ALLOC and"
              + " consideration[id=auto-settlement-flows] whose flows sum to zero and expects an ACK.",
          "A buyer platform that refuses a correct settlement never learns what it owes.",
          "Accept the settled contract; record FINAL_ALLOC and the revenue flows.");
  public static final ConformanceCase UNBALANCED =
      new ConformanceCase(
          "W2-BAP-RF-002",
          "A settlement whose revenue flows do not sum to zero is refused",
          CON,
          true,
          "The kit sends the same settlement with flows summing to 1.00 and expects HTTP 400 with a NACK.",
          "Flows that do not balance pay someone money nobody paid in; the buyer platform would record"
              + " a debt that does not exist.",
          "Check that the revenue flows sum to zero (tolerance 0.005) before ACKing; NACK with 400 and the"
              + " path of the flows when they do not.");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          FLOW,
          SIGNED,
          VALID,
          CONTEXT,
          LEDGERS,
          SETTLEMENT,
          ACKS,
          UNSIGNED_CALLBACK,
          PASSED_ON,
          SETTLED,
          UNBALANCED);

  /** The cases after the trade: allocations and the settlement. */
  public static final List<ConformanceCase> SETTLEMENT_CASES =
      List.of(PASSED_ON, SETTLED, UNBALANCED);

  private Wave2BapCases() {}
}
