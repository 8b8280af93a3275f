package org.uei.p2p.conformance.bpp;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/** The cases run against a seller platform (BPP). */
public final class BppCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn envelope rules (request / callback context)";
  private static final String ERR = "BECKN-005 (error codes)";
  private static final String NRG = "Energy trading rules (IES P2P)";
  private static final String FIX_401 =
      "Verify every inbound Authorization header before anything else: look the key up in "
          + "the registry by keyId, check created/expires, hash the exact received bytes with BLAKE2b-512, verify the "
          + "Ed25519 signature and check that the signer is context.bap_id. On any failure answer HTTP 401 with "
          + "WWW-Authenticate: Signature realm=\"<your subscriber id>\",headers=\"(created) (expires) digest\" and a NACK body.";

  public static final ConformanceCase ACK =
      new ConformanceCase(
          "BPP-ACK-001",
          "A valid request is acknowledged",
          ENV,
          true,
          "The kit sends a correctly signed discover and expects HTTP 200 with {\"message\":{\"ack\":{\"status\":\"ACK\"}}}.",
          "The buyer platform waits for a callback only after an ACK; any other answer ends the conversation.",
          "Answer every valid request at once with HTTP 200 and the ACK body; do the work afterwards and POST the result as a callback.");
  public static final ConformanceCase OFFERS =
      new ConformanceCase(
          "BPP-JRN-001",
          "Discover returns at least one offer",
          ENV,
          true,
          "After the discover, the kit waits for on_discover and reads its catalog; it needs at least one open "
              + "offer (a slot, a price, a quantity of 1 kWh or more) to trade against.",
          "Without an offer no buyer can trade, and the kit cannot run the trade journey and the energy-rule cases.",
          "Publish at least one open offer of 1 kWh or more for a slot that is still tradable before running the kit, "
              + "and make sure on_discover carries it as a beckn:Catalog with beckn:offers and beckn:items.");
  public static final ConformanceCase CALLBACK_SIGNED =
      new ConformanceCase(
          "BPP-SIG-001",
          "Every callback is signed by the seller platform named in its context",
          SIG,
          true,
          "Every callback the kit received is checked: Authorization present, signature valid over the exact body "
              + "with the key the registry publishes, within its validity, and keyId's subscriber equal to context.bpp_id.",
          "Buyer platforms refuse unsigned or wrongly signed callbacks: the buyer never sees the answer.",
          "Sign the exact bytes you send (serialize once, sign, send those bytes) with the key registered for your bpp_id, "
              + "and put your bpp_id and unique key id in keyId.");
  public static final ConformanceCase MISSING_SIGNATURE =
      sig(
          "BPP-SIG-002",
          "A request without signature is refused",
          "The kit sends a discover without Authorization header.");
  public static final ConformanceCase TAMPERED =
      sig(
          "BPP-SIG-003",
          "A request changed after signing is refused",
          "The kit signs a discover, then changes one byte of the body (the ttl) and sends the changed body with the original signature.");
  public static final ConformanceCase EXPIRED =
      sig(
          "BPP-SIG-004",
          "A request with an expired signature is refused",
          "The kit signs a discover with created/expires one hour in the past.");
  public static final ConformanceCase UNKNOWN_KEY =
      sig(
          "BPP-SIG-005",
          "A request signed with an unregistered key is refused",
          "The kit signs a discover with a key whose key id the registry does not know.");
  public static final ConformanceCase WRONG_SIGNER =
      sig(
          "BPP-SIG-006",
          "A request signed by someone other than its bap_id is refused",
          "The kit signs a discover with its own registered key while context.bap_id names another platform.");
  public static final ConformanceCase INVALID_MESSAGE =
      new ConformanceCase(
          "BPP-ERR-001",
          "An invalid message gets NACK 30000 with the JSON path",
          ERR,
          true,
          "The kit sends a signed select whose order line asks for -1 kWh and expects a NACK with code 30000 whose "
              + "paths name beckn:orderItems[0] and its unitQuantity.",
          "A NACK with the exact path tells the other platform's developers what to fix; a bare error costs days of support.",
          "Validate every message before acknowledging it and answer NACK with error.code 30000, a message and "
              + "error.paths set to the JSON path of the member at fault.");
  public static final ConformanceCase INVALID_CONTEXT =
      new ConformanceCase(
          "BPP-ERR-002",
          "A context with a malformed ttl gets NACK 30000 at context.ttl",
          ERR,
          true,
          "The kit sends a signed discover whose context.ttl is \"thirty seconds\" instead of an ISO-8601 duration.",
          "The ttl tells the seller how long the buyer waits; a seller that ignores a malformed one answers too late or never.",
          "Check context fields (ISO-8601 ttl, RFC 3339 timestamp, ids) and NACK with code 30000 at context.<field>.");
  public static final ConformanceCase ECHO_MESSAGE_ID =
      new ConformanceCase(
          "BPP-CB-001",
          "Callbacks reuse the request's message_id",
          ENV,
          true,
          "For every request the kit sent, the matching on_<action> callback must carry the request's context.message_id.",
          "The buyer platform finds the request a callback answers by message_id; with another id the answer is refused or lost.",
          "Build the callback context from the request context: copy message_id and transaction_id, set action to on_<action> and a new timestamp.");
  public static final ConformanceCase ECHO_CONTEXT =
      new ConformanceCase(
          "BPP-CB-002",
          "Callbacks echo the request context",
          ENV,
          true,
          "Each callback must repeat domain, version, bap_id, bap_uri, bpp_id, bpp_uri and transaction_id of its request, "
              + "with action on_<action>.",
          "Platforms route and store callbacks by these fields; a changed one sends the answer to the wrong place or transaction.",
          "Copy these fields from the request context into the callback context unchanged.");
  public static final ConformanceCase WITHIN_TTL =
      new ConformanceCase(
          "BPP-CB-003",
          "Callbacks arrive within the request's ttl",
          ENV,
          true,
          "Each callback must arrive before the request's timestamp + ttl.",
          "After the ttl the buyer platform has given up and may refuse the callback; the buyer sees a timeout.",
          "Answer promptly and retry failed deliveries only while the ttl lasts.");
  public static final ConformanceCase UNSOLICITED =
      new ConformanceCase(
          "BPP-CB-004",
          "Unsolicited callbacks carry a new message_id",
          ENV,
          false,
          "Any on_status/on_update/on_cancel the kit did not ask for must carry a message_id the kit never sent, in a transaction it knows.",
          "Reusing an old message_id makes the buyer platform treat the news as a duplicate and drop it.",
          "Give every unsolicited callback a fresh UUID message_id and the transaction_id of the order.");
  public static final ConformanceCase UNKNOWN_FIELDS =
      new ConformanceCase(
          "BPP-TOL-001",
          "Unknown fields are tolerated",
          ENV,
          true,
          "The kit sends a signed discover with extra members in context and message that no schema defines, and "
              + "expects an ACK and an on_discover.",
          "Networks extend messages; a platform that refuses unknown members breaks at the next schema release.",
          "Ignore (and keep, when you store or forward) members you do not know; do not use strict deserialization that fails on them.");
  public static final ConformanceCase REPLAY =
      new ConformanceCase(
          "BPP-RPL-001",
          "A replayed request is refused",
          SIG + ", " + ENV,
          true,
          "The kit sends the exact bytes and signature of a request that was already answered once more.",
          "A captured request replayed within its signature validity could otherwise confirm or change an order twice.",
          "Remember the message_ids you have handled (at least for the signature validity) and refuse repeats without acting.");
  public static final ConformanceCase QUOTE =
      journey(
          "BPP-JRN-002",
          "select: on_select quotes the offer's price",
          "The kit selects 1 kWh of the offer and expects on_select with that offer, quantity and unit price, and an "
              + "order value of quantity × price when one is given.");
  public static final ConformanceCase INIT =
      journey(
          "BPP-JRN-003",
          "init: on_init keeps the quoted lines",
          "The kit sends init with the quoted order and expects on_init with the same offer, quantity and price.");
  public static final ConformanceCase CONFIRM =
      journey(
          "BPP-JRN-004",
          "confirm: on_confirm gives an order id, CONFIRMED",
          "The kit confirms and expects on_confirm with a non-empty order id, status CONFIRMED and the same lines.");
  public static final ConformanceCase STATUS =
      journey(
          "BPP-JRN-005",
          "status: on_status reports the same order",
          "The kit asks status for the confirmed order id and expects on_status with that id and the same lines.");
  public static final ConformanceCase SELF_TRADE =
      energy(
          "BPP-NRG-001",
          "A self-trade is refused",
          "The kit selects from an offer with the seller's own meter as buyer meter.",
          "No self-trade: the buyer meter must differ from the seller meter.");
  public static final ConformanceCase MIN_QUANTITY =
      energy(
          "BPP-NRG-002",
          "A quantity below 1 kWh is refused",
          "The kit selects 0.5 kWh.",
          "Minimum trade is 1 kWh.");
  public static final ConformanceCase SLOT_ALIGNMENT =
      energy(
          "BPP-NRG-003",
          "A slot not on the hour is refused",
          "The kit selects with a delivery window shifted by 30 minutes.",
          "Delivery is in fixed 1-hour blocks starting on the hour.");
  public static final ConformanceCase GATE_CLOSURE =
      energy(
          "BPP-NRG-004",
          "A slot past gate closure is refused",
          "The kit selects with a delivery window starting at the next full hour, less than 4 hours away.",
          "Trading for a block closes 4 hours before it starts (gate closure).");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          ACK,
          OFFERS,
          CALLBACK_SIGNED,
          MISSING_SIGNATURE,
          TAMPERED,
          EXPIRED,
          UNKNOWN_KEY,
          WRONG_SIGNER,
          INVALID_MESSAGE,
          INVALID_CONTEXT,
          ECHO_MESSAGE_ID,
          ECHO_CONTEXT,
          WITHIN_TTL,
          UNSOLICITED,
          UNKNOWN_FIELDS,
          REPLAY,
          QUOTE,
          INIT,
          CONFIRM,
          STATUS,
          SELF_TRADE,
          MIN_QUANTITY,
          SLOT_ALIGNMENT,
          GATE_CLOSURE);

  private BppCases() {}

  private static ConformanceCase sig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 with a WWW-Authenticate header and no callback.",
        "Anyone on the internet could otherwise place or change orders in another platform's name.",
        FIX_401);
  }

  private static ConformanceCase journey(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        "Beckn transaction flow discover → select → init → confirm → status",
        true,
        checks,
        "Buyer and seller must agree on what was bought, at what price, under which order id; a drift means "
            + "disputed bills and settlement errors.",
        "Answer each step from the order the buyer sent and your own offer: keep offer id, quantity and unit price; "
            + "give the order id at confirm and keep it afterwards.");
  }

  private static ConformanceCase energy(String id, String title, String checks, String rule) {
    return new ConformanceCase(
        id,
        title,
        NRG + ": " + rule,
        true,
        "First the kit sends the same select without "
            + "the violation and expects it to be quoted: a refusal shows the rule is checked only if a compliant order "
            + "is accepted. Then: "
            + checks
            + " It expects a refusal: a NACK, or a callback carrying an error (the code is reported).",
        "Trades that break the market rules cannot be delivered or settled and are rejected by the DISCOM later.",
        "Check every order line against the trading rules before acknowledging it (or answer with an error in the "
            + "callback): "
            + rule);
  }
}
