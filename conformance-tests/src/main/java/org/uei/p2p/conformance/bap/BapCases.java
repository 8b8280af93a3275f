package org.uei.p2p.conformance.bap;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/** The cases run against a buyer platform (BAP). */
public final class BapCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn envelope rules (request / callback context)";
  private static final String ERR = "BECKN-005 (error codes)";
  private static final String FLOW =
      "Beckn transaction flow discover → select → init → confirm → status";
  private static final String FIX_401 =
      "Verify the Authorization header of every callback before anything else: look the "
          + "key up in the registry by keyId, check created/expires, hash the exact received bytes with BLAKE2b-512, verify "
          + "the Ed25519 signature and check that the signer is context.bpp_id. On any failure answer HTTP 401 with "
          + "WWW-Authenticate: Signature realm=\"<your subscriber id>\",headers=\"(created) (expires) digest\" and a NACK body.";

  public static final ConformanceCase FLOW_REACHED =
      new ConformanceCase(
          "BAP-JRN-001",
          "The buyer platform runs discover → select → init → confirm → status",
          FLOW,
          true,
          "The kit, playing a seller platform with one offer, waits for the buyer platform's discover, select, init, "
              + "confirm and status, in that order, and answers each with a signed callback.",
          "A buyer platform that cannot complete this flow cannot trade on the network.",
          "Point the buyer platform at the kit (registry or discovery URL) and make sure each step starts after the previous callback.");
  public static final ConformanceCase SIGNED =
      new ConformanceCase(
          "BAP-SIG-001",
          "Every request is signed by the buyer platform named in its context",
          SIG,
          true,
          "Every request the kit received must carry an Authorization header whose signature is valid over the exact body "
              + "with the key the registry publishes, within its validity, by context.bap_id.",
          "Seller platforms refuse unsigned or wrongly signed requests with 401: nothing can be bought.",
          "Serialize once, sign those exact bytes with the key registered for your bap_id, send the same bytes.");
  public static final ConformanceCase VALID =
      new ConformanceCase(
          "BAP-MSG-001",
          "Every request is a valid wave-1 message",
          ERR + ", DEG wave-1 message rules",
          true,
          "Every request is checked with the strict wave-1 rules: required members, UUID ids, version 2.0.0, RFC 3339 "
              + "times, ISO-8601 ttl, positive kWh quantities with at most two decimals, INR amounts.",
          "Seller platforms NACK invalid messages with code 30000; the buyer sees a failure.",
          "Fix the member the result names; the JSON path points at it.");
  public static final ConformanceCase CONTEXT =
      new ConformanceCase(
          "BAP-CTX-001",
          "Requests use fresh message_ids and one transaction_id per trade",
          ENV,
          true,
          "No two requests share a message_id; select, init, confirm and status of the trade share one transaction_id.",
          "Sellers refuse a reused message_id as a replay, and match the steps of a trade by transaction_id.",
          "Give every request a new UUID message_id and keep the transaction_id of the trade from select on.");
  public static final ConformanceCase CONSISTENT =
      new ConformanceCase(
          "BAP-JRN-002",
          "The trade stays consistent from select to status",
          FLOW,
          true,
          "select names the kit's offer at its price; init and confirm keep offer, quantity and price of the quote; "
              + "status names the order id the kit gave in on_confirm.",
          "Drift between steps means the buyer confirms something other than what was quoted: disputed bills.",
          "Build init and confirm from the seller's last callback, and status from the order id of on_confirm.");
  public static final ConformanceCase ENERGY =
      new ConformanceCase(
          "BAP-NRG-001",
          "Orders respect the energy trading rules",
          "Energy trading rules (IES P2P): minimum 1 kWh with at most two "
              + "decimals, no self-trade, the offer's own 1-hour slot",
          true,
          "Every order line of select, init and confirm asks for at least 1 kWh with at most two decimals, for the "
              + "slot the kit offered, with a buyer meter other than the seller's meter.",
          "Orders that break the market rules are refused by every seller platform, or rejected by the DISCOM after delivery.",
          "Check quantities and meters in the buyer app before sending, and copy the offer's delivery window unchanged.");
  public static final ConformanceCase ACKS =
      new ConformanceCase(
          "BAP-ACK-001",
          "Correct callbacks are acknowledged",
          ENV,
          true,
          "Every correct, signed callback the kit sent during the flow must be answered with HTTP 200 and "
              + "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}.",
          "A seller whose callback is not ACKed retries it until it gives up; the buyer may never see the answer.",
          "Answer every valid callback at once with HTTP 200 and the ACK body; process it afterwards.");
  public static final ConformanceCase UNSOLICITED =
      new ConformanceCase(
          "BAP-CB-001",
          "An unsolicited on_status with a new message_id is accepted",
          ENV,
          true,
          "After the flow the kit sends an on_status the buyer did not ask for, with a new message_id, in the traded transaction.",
          "Sellers report delivery and changes this way; a buyer platform that refuses them misses what happened to the order.",
          "Accept on_status/on_update/on_cancel with an unknown message_id when the transaction has an order with that seller.");
  public static final ConformanceCase MISSING_SIGNATURE =
      sig(
          "BAP-SIG-002",
          "A callback without signature is refused",
          "The kit sends an unsolicited on_status without Authorization header.");
  public static final ConformanceCase TAMPERED =
      sig(
          "BAP-SIG-003",
          "A callback changed after signing is refused",
          "The kit signs an unsolicited on_status, then changes its ttl and sends the changed body with the original signature.");
  public static final ConformanceCase EXPIRED =
      sig(
          "BAP-SIG-004",
          "A callback with an expired signature is refused",
          "The kit signs an unsolicited on_status with created/expires one hour in the past.");
  public static final ConformanceCase UNKNOWN_KEY =
      sig(
          "BAP-SIG-005",
          "A callback signed with an unregistered key is refused",
          "The kit signs an unsolicited on_status with a key whose key id the registry does not know.");
  public static final ConformanceCase NEVER_SENT =
      new ConformanceCase(
          "BAP-ERR-001",
          "A callback for a request never sent gets NACK 30000 at context.message_id",
          ERR + ", " + ENV,
          true,
          "The kit sends a signed on_select with a message_id the buyer platform never used.",
          "Accepting answers to questions never asked lets a seller push orders the buyer never wanted.",
          "Match each callback to a request you sent (message_id, seller, action) and NACK with 30000 at context.message_id otherwise.");
  public static final ConformanceCase UNKNOWN_FIELDS =
      new ConformanceCase(
          "BAP-TOL-001",
          "Unknown fields are tolerated",
          ENV,
          true,
          "The kit sends an unsolicited on_status with extra members in context and message and expects an ACK.",
          "Networks extend messages; a platform that refuses unknown members breaks at the next schema release.",
          "Ignore (and keep) members you do not know; do not use deserialization that fails on them.");
  public static final ConformanceCase REPLAY =
      new ConformanceCase(
          "BAP-RPL-001",
          "A replayed callback is refused",
          SIG + ", " + ENV,
          true,
          "The kit sends the exact bytes and signature of an already acknowledged on_status again.",
          "A captured callback replayed within its signature validity could change the buyer's view of an order twice.",
          "Remember the message_ids of callbacks you have handled and refuse repeats without acting on them.");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          FLOW_REACHED,
          SIGNED,
          VALID,
          CONTEXT,
          CONSISTENT,
          ENERGY,
          ACKS,
          UNSOLICITED,
          MISSING_SIGNATURE,
          TAMPERED,
          EXPIRED,
          UNKNOWN_KEY,
          NEVER_SENT,
          UNKNOWN_FIELDS,
          REPLAY);

  private BapCases() {}

  private static ConformanceCase sig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 with a WWW-Authenticate header.",
        "Anyone could otherwise feed the buyer platform forged order news in a seller's name.",
        FIX_401);
  }
}
