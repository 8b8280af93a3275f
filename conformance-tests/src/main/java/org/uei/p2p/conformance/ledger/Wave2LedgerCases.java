package org.uei.p2p.conformance.ledger;

import java.util.List;
import org.uei.p2p.conformance.ConformanceCase;

/**
 * The cases run against a DISCOM's ledger provider on IES wave 2: the kit plays both platforms of a
 * trade, the ledger's DISCOM and a platform that is party to nothing.
 */
public final class Wave2LedgerCases {

  private static final String SIG = "BECKN-006 (HTTP signatures) on the DEG Ledger Service API";
  private static final String API = "DEG Ledger Service API v0.4.0 (IES wave 2)";

  public static final ConformanceCase UNSIGNED =
      sig(
          "W2-LDG-SIG-001",
          "A ledger request without signature is refused",
          "The kit sends a valid /ledger/put without Authorization header.");
  public static final ConformanceCase WRONG_KEY =
      sig(
          "W2-LDG-SIG-002",
          "A ledger request signed with a key other than the registered one is refused",
          "The kit signs a valid /ledger/put as the seller platform, with its key id, but with a key the"
              + " registry does not publish.");
  public static final ConformanceCase PUT =
      new ConformanceCase(
          "W2-LDG-PUT-001",
          "A platform's put is recorded and each party reads it",
          API,
          true,
          "The seller platform puts a trade of the ledger's DISCOM (role SELLER) and expects HTTP 200 with"
              + " success and a recordId; then the seller platform, the buyer platform and the DISCOM each"
              + " /ledger/get the transaction and expect that record with the trade's facts.",
          "The DISCOM allocates and settles from the ledger: a trade it cannot read is not settled.",
          "Accept /ledger/put from the platform the body names as its author (platformIdSeller for SELLER,"
              + " platformIdBuyer for BUYER) and let every party of a record read it.");
  public static final ConformanceCase PUT_IDEMPOTENT =
      new ConformanceCase(
          "W2-LDG-PUT-002",
          "The same put again changes nothing",
          API,
          true,
          "The seller platform sends the same /ledger/put again and expects HTTP 200 with the same recordId,"
              + " and still one record for the trade.",
          "A platform repeats a put whose answer it lost: a second record would count the trade twice.",
          "Key records by transactionId + orderItemId; a put with the same facts answers with that record.");
  public static final ConformanceCase PUT_BY_OTHERS =
      new ConformanceCase(
          "W2-LDG-PUT-003",
          "Only the platform a put names may write it",
          API,
          true,
          "The ledger's DISCOM sends a /ledger/put, and a platform party to nothing sends one naming the"
              + " seller platform as its author; the kit expects both refused (HTTP 403) and the record"
              + " unchanged.",
          "A ledger that takes trade facts from anyone holds trades no platform agreed to.",
          "Refuse /ledger/put from DISCOMs, and from any signer that is not the platformIdSeller (SELLER) or"
              + " platformIdBuyer (BUYER) of the body, with 403.");
  public static final ConformanceCase RECORD =
      new ConformanceCase(
          "W2-LDG-REC-001",
          "Only the DISCOM records actuals",
          API,
          true,
          "The ledger's DISCOM sends /ledger/record with the seller side's ACTUAL_PUSHED and expects HTTP"
              + " 200; the seller platform sends the same and expects 403.",
          "Actuals decide what is paid: a platform that could write them would set its own settlement.",
          "Accept /ledger/record only from the DISCOM of the side it writes; refuse platforms with 403.");
  public static final ConformanceCase ALLOCATE =
      new ConformanceCase(
          "W2-LDG-ALC-001",
          "Only the DISCOM allocates meter actuals",
          API,
          true,
          "The seller platform sends /ledger/allocate for the trade's seller meter and expects 403; the"
              + " ledger's DISCOM sends it and expects HTTP 200 with an allocation of the trade no larger"
              + " than the quantity traded.",
          "Allocation is the DISCOM's reading of its meters; from anyone else it is a claim, not a fact.",
          "Accept /ledger/allocate only from the DISCOM of the meter; share the actual pro-rata over the"
              + " meter's trades of the window.");
  public static final ConformanceCase GET_FILTERED =
      new ConformanceCase(
          "W2-LDG-GET-001",
          "A party to nothing reads nothing",
          API,
          true,
          "A registered platform that is neither platform nor DISCOM of the trade sends /ledger/get for the"
              + " transaction and expects HTTP 200 with no records.",
          "Ledger records name meters, quantities and prices: they are the parties' business only.",
          "Filter /ledger/get by the caller: platforms see records naming them, DISCOMs records of their"
              + " consumers.");
  public static final ConformanceCase BAD_INPUT =
      new ConformanceCase(
          "W2-LDG-ERR-001",
          "Bad input gets an error naming the field",
          API,
          true,
          "The seller platform sends a /ledger/put whose tradeDetails[0].tradeQty is a string and expects HTTP"
              + " 400 with {code, message, details: {field}} naming that field.",
          "A platform that cannot tell what is wrong cannot fix it.",
          "Validate every request against the schema and answer 400 with the spec's error body, the"
              + " offending field in details.field.");

  /** Every case, in report order. */
  public static final List<ConformanceCase> ALL =
      List.of(
          UNSIGNED,
          WRONG_KEY,
          PUT,
          PUT_IDEMPOTENT,
          PUT_BY_OTHERS,
          RECORD,
          ALLOCATE,
          GET_FILTERED,
          BAD_INPUT);

  private Wave2LedgerCases() {}

  private static ConformanceCase sig(String id, String title, String checks) {
    return new ConformanceCase(
        id,
        title,
        SIG,
        true,
        checks + " It expects HTTP 401 and no record written.",
        "A ledger that acts on requests it cannot attribute cannot apply any access rule.",
        "Verify every ledger request's Authorization against the registry before anything else and"
            + " answer 401 on any failure.");
  }
}
