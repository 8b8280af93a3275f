package org.uei.p2p.conformance.bap;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/**
 * The core cases run against a buyer platform on UEI v1 (Beckn 1.1.0, domain {@code
 * uei:p2p-trading}): the kit plays a seller platform with one offer.
 */
public final class UeiV1BapCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn 1.1.0 envelope and context rules";
  private static final String API = "UEI P2P trading API (Beckn 1.1.0)";
  private static final String NRG = "Energy trading rules";

  public static final ConformanceCase FLOW =
      new ConformanceCase(
          "U1-BAP-JRN-001",
          "The buyer platform runs search → select → init → confirm → status",
          API,
          true,
          "The kit, playing a seller platform with one offer, waits for the buyer platform's search,"
              + " select, init, confirm and status, in that order, and answers each with a signed"
              + " callback.",
          "A buyer platform that cannot complete this flow cannot trade on the network.",
          "Point the buyer platform at the kit (registry or gateway URL) and start each step after"
              + " the previous callback.");
  public static final ConformanceCase SIGNED =
      new ConformanceCase(
          "U1-BAP-SIG-001",
          "Every request is signed by the buyer platform named in its context",
          SIG,
          true,
          "Every request must carry an Authorization header whose signature is valid over the exact"
              + " body with the key the registry publishes, by context.bap_id.",
          "Seller platforms refuse unsigned or wrongly signed requests with 401: nothing can be bought.",
          "Serialize once, sign those exact bytes with the key registered for your bap_id.");
  public static final ConformanceCase VALID =
      new ConformanceCase(
          "U1-BAP-MSG-001",
          "Every request is a valid Beckn 1.1.0 message",
          API,
          true,
          "Every request is checked with the strict UEI v1 rules on the endpoint it was sent to:"
              + " domain uei:p2p-trading, version 1.1.0, location, UUID ids, ttl, RFC 3339 times, the"
              + " members the API requires (billing in init, payments in confirm, order_id in status),"
              + " kWh with at most two decimals, INR.",
          "Seller platforms NACK invalid messages with code 30000; the buyer sees a failure.",
          "Fix the member the result names; the JSON path points at it.");
  public static final ConformanceCase CONTEXT =
      new ConformanceCase(
          "U1-BAP-CTX-001",
          "Requests use fresh message_ids and one transaction_id per trade",
          ENV,
          true,
          "No two requests share a message_id; select, init, confirm and status share the"
              + " transaction_id of the search.",
          "Sellers refuse a reused message_id as a replay and match a trade's steps by transaction_id.",
          "Give every request a new UUID message_id; keep the search's transaction_id for the trade.");
  public static final ConformanceCase CATALOG_PRICE =
      new ConformanceCase(
          "U1-BAP-NRG-001",
          "Orders name the catalog's item at its price",
          NRG,
          true,
          "select, init and confirm must order the kit's item, at most its available quantity, and"
              + " name no price other than the catalog's.",
          "An order at another price is refused or re-quoted: the buyer's app shows a trade that"
              + " will not happen.",
          "Build orders from the on_search catalog: item id, a quantity within quantity.available,"
              + " the item's price or none.");
  public static final ConformanceCase ACKS =
      new ConformanceCase(
          "U1-BAP-ACK-001",
          "The kit's signed callbacks are acknowledged",
          ENV,
          true,
          "Every on_search, on_select, on_init, on_confirm and on_status the kit sent must be answered"
              + " with HTTP 200 and an ACK.",
          "A callback refused by the buyer platform is lost: its user never sees the answer.",
          "Verify the callback's signature with the registry and ACK it at once.");
  public static final ConformanceCase FORGED_CALLBACK =
      callbackSig(
          "U1-BAP-SIG-002",
          "A forged on_select is refused",
          "The kit sends an on_select for the buyer's select, at twice the price, signed as the kit"
              + " with its key id but with a key the registry does not publish.");
  public static final ConformanceCase UNSIGNED_CALLBACK =
      callbackSig(
          "U1-BAP-SIG-003",
          "An unsigned callback is refused",
          "The kit sends an on_status in the buyer's transaction without Authorization header.");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          FLOW, SIGNED, VALID, CONTEXT, CATALOG_PRICE, ACKS, FORGED_CALLBACK, UNSIGNED_CALLBACK);

  private UeiV1BapCases() {}

  private static ConformanceCase callbackSig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 with WWW-Authenticate and a NACK.",
        "A buyer platform that believes unverified callbacks can be fed any price or order by anyone.",
        "Verify every callback's Authorization against the registry, check that the signer is"
            + " context.bpp_id, and answer 401 with WWW-Authenticate and a NACK on any failure.");
  }
}
