package org.uei.p2p.conformance.bpp;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/**
 * The core cases run against a seller platform on UEI v1 (Beckn 1.1.0, domain {@code
 * uei:p2p-trading}, the UP pilot's wire): the kit plays the buyer platform through search, select,
 * init, confirm and status.
 */
public final class UeiV1BppCases {

  private static final String SIG = "BECKN-006 (HTTP signatures)";
  private static final String ENV = "Beckn 1.1.0 envelope and context rules";
  private static final String API = "UEI P2P trading API (Beckn 1.1.0)";
  private static final String ERR = "BECKN-005 (error codes)";
  private static final String NRG = "Energy trading rules";

  public static final ConformanceCase ACK =
      new ConformanceCase(
          "U1-BPP-ACK-001",
          "A valid search is acknowledged",
          ENV,
          true,
          "The kit sends a correctly signed 1.1.0 search and expects HTTP 200 with"
              + " {\"message\":{\"ack\":{\"status\":\"ACK\"}}}.",
          "The buyer platform waits for a callback only after an ACK.",
          "Answer every valid request at once with HTTP 200 and an ACK; POST the result later to"
              + " {bap_uri}/on_{action}.");
  public static final ConformanceCase CATALOG =
      new ConformanceCase(
          "U1-BPP-JRN-001",
          "Search is answered with a valid catalog at the buyer's registered URL",
          API,
          true,
          "After the search the kit waits at its registered URL (the bap_uri of the search) for a"
              + " validly signed on_search, checks it against the 1.1.0 rules (strict) and reads"
              + " message.catalog.providers[].items[] as offers: price per kWh, quantity.available and"
              + " the delivery window of the fulfillment each item names.",
          "Without a valid, readable catalog no buyer platform can order.",
          "Answer search with on_search to the bap_uri, each offer an item with price, available"
              + " quantity in kWh and fulfillment_ids naming a fulfillment with start and end stops.");
  public static final ConformanceCase CALLBACK_SIGNED =
      new ConformanceCase(
          "U1-BPP-SIG-001",
          "Every callback is signed by the seller platform named in its context",
          SIG,
          true,
          "Every callback the kit received is checked: Authorization present, signature valid over the"
              + " exact body with the key the registry publishes, keyId's subscriber equal to"
              + " context.bpp_id.",
          "Buyer platforms refuse unsigned or wrongly signed callbacks: the buyer never sees the answer.",
          "Sign the exact bytes you send with the key registered for your bpp_id.");
  public static final ConformanceCase MISSING_SIGNATURE =
      sig(
          "U1-BPP-SIG-002",
          "A request without signature is refused",
          "The kit sends a 1.1.0 search without Authorization header.");
  public static final ConformanceCase WRONG_KEY =
      sig(
          "U1-BPP-SIG-003",
          "A request signed with a key other than the registered one is refused",
          "The kit signs a 1.1.0 search as itself, with its key id, but with a key the registry does"
              + " not publish.");
  public static final ConformanceCase INVALID_MESSAGE =
      new ConformanceCase(
          "U1-BPP-ERR-001",
          "An invalid select gets a NACK with a BECKN-005 code and the JSON path",
          ERR,
          true,
          "The kit sends a signed select whose item asks for quantity \"-1\" kWh and expects HTTP 400"
              + " with a NACK whose error names a BECKN-005 code and the path"
              + " message.order.items[0].quantity.selected.measure.value.",
          "A sender that cannot tell what is wrong cannot fix it; an ACK would promise an on_select"
              + " that never comes.",
          "Validate every request before acknowledging it; answer 400 with error {code, message,"
              + " paths}, paths in the sender's JSON terms.");
  public static final ConformanceCase SELECT =
      new ConformanceCase(
          "U1-BPP-JRN-002",
          "Select is answered with a valid on_select for the items asked",
          API,
          true,
          "The kit selects 1 kWh of the offer and expects an ACK and a validly signed on_select in the"
              + " same transaction with the same message_id, valid by the 1.1.0 rules, for the same item"
              + " and quantity, with a quote.",
          "The quote is what the buyer agrees to in init and confirm.",
          "Answer select with on_select echoing the context and quoting the order.");
  public static final ConformanceCase PRICE =
      new ConformanceCase(
          "U1-BPP-PRC-001",
          "Prices come only from the catalog",
          NRG,
          true,
          "on_select must price the item at the catalog's price, and its quote must be quantity ×"
              + " that price. Then the kit selects the item at half the catalog's price and expects a"
              + " NACK, or an on_select that refuses (error) or re-quotes at the catalog's price.",
          "A seller that takes the buyer's price sells at whatever price a buyer writes.",
          "Price every order line from your catalog, never from the request; refuse or re-quote an"
              + " order that names another price.");
  public static final ConformanceCase INIT =
      new ConformanceCase(
          "U1-BPP-JRN-003",
          "Init is answered with on_init carrying payment terms",
          API,
          true,
          "The kit sends init for the same order and expects an ACK and a valid on_init (billing,"
              + " quote and payments) with the same item, quantity and catalog price.",
          "Without payment terms the buyer platform cannot confirm.",
          "Answer init with on_init holding the order, its quote and your payments[] terms.");
  public static final ConformanceCase CONFIRM =
      new ConformanceCase(
          "U1-BPP-JRN-004",
          "Confirm is answered with an ACTIVE order with an id",
          API,
          true,
          "The kit confirms with on_init's payment terms and expects an ACK and a valid on_confirm"
              + " whose order has an id and status ACTIVE, same item, quantity and price.",
          "The trade exists only once both platforms hold the same confirmed order.",
          "On confirm, take the energy, store the order and answer on_confirm with its id and status"
              + " ACTIVE.");
  public static final ConformanceCase INVENTORY =
      new ConformanceCase(
          "U1-BPP-INV-001",
          "Confirm takes the confirmed energy from the offer",
          NRG,
          true,
          "After on_confirm the kit searches again and expects the offer's quantity.available to be"
              + " what it was before less the confirmed kWh (or the offer gone when that was all of"
              + " it). Other buyers trading the same offer meanwhile would disturb this case.",
          "A seller that does not take sold energy from its offers sells it twice.",
          "Decrement the offer's available quantity in the same database transaction that confirms"
              + " the order, and publish what is left.");
  public static final ConformanceCase STATUS =
      new ConformanceCase(
          "U1-BPP-JRN-005",
          "Status by order id is answered with that order",
          API,
          true,
          "The kit sends status with message.order_id of on_confirm and expects a valid on_status"
              + " about the same order.",
          "The buyer follows delivery and settlement through status.",
          "Answer status with on_status carrying the order named by message.order_id.");
  public static final ConformanceCase ECHO_IDS =
      new ConformanceCase(
          "U1-BPP-CB-001",
          "Callbacks carry their request's transaction_id and message_id",
          ENV,
          true,
          "Every callback that answers a request must carry that request's transaction_id and"
              + " message_id.",
          "The buyer platform pairs callbacks with requests by these ids; another id loses the answer.",
          "Build each callback context from the request's: same ids, action on_<action>, new"
              + " timestamp.");
  public static final ConformanceCase ECHO_CONTEXT =
      new ConformanceCase(
          "U1-BPP-CB-002",
          "Callbacks echo the request's context",
          ENV,
          true,
          "Every callback must echo domain, location, version, bap_id, bap_uri, bpp_uri and (once"
              + " known) bpp_id, with action on_<action>.",
          "A callback in another domain or for another buyer is refused or filed wrongly.",
          "Copy the request context into the callback; change only action and timestamp.");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          ACK,
          CATALOG,
          CALLBACK_SIGNED,
          MISSING_SIGNATURE,
          WRONG_KEY,
          INVALID_MESSAGE,
          SELECT,
          PRICE,
          INIT,
          CONFIRM,
          INVENTORY,
          STATUS,
          ECHO_IDS,
          ECHO_CONTEXT);

  private UeiV1BppCases() {}

  private static ConformanceCase sig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 with WWW-Authenticate and a NACK body, and no callback.",
        "A seller that acts on requests it cannot attribute can be made to trade by anyone.",
        "Verify every inbound Authorization header against the registry before anything else, check"
            + " the signer is context.bap_id, and answer 401 with WWW-Authenticate and a NACK.");
  }
}
