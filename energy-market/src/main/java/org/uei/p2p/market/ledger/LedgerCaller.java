package org.uei.p2p.market.ledger;

import java.util.Objects;

/**
 * Who is asking, as authenticated by the caller of the ledger (a verified signature, or the node
 * itself in-process): a trading platform by its subscriber id, or a DISCOM by its short code.
 *
 * @param subscriberId the signer's subscriber id
 * @param kind platform or DISCOM
 * @param discomId the DISCOM's short code; null for a platform
 */
public record LedgerCaller(String subscriberId, Kind kind, String discomId) {

  /** The two kinds of party the ledger API knows. */
  public enum Kind {
    /** A buyer or seller platform: puts trade facts, reads its own trades. */
    PLATFORM,
    /** A DISCOM: records actuals and statuses, allocates, reads its consumers' trades. */
    DISCOM
  }

  /** Requires the id, and the DISCOM id exactly when the caller is a DISCOM. */
  public LedgerCaller {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DISCOM) != (discomId != null)) {
      throw new IllegalArgumentException("a DISCOM caller has a DISCOM id and a platform has none");
    }
  }

  /** A trading platform. */
  public static LedgerCaller platform(String subscriberId) {
    return new LedgerCaller(subscriberId, Kind.PLATFORM, null);
  }

  /** A DISCOM signing as {@code subscriberId}. */
  public static LedgerCaller discom(String subscriberId, String discomId) {
    return new LedgerCaller(subscriberId, Kind.DISCOM, discomId);
  }

  /** Whether this is a DISCOM. */
  public boolean isDiscom() {
    return kind == Kind.DISCOM;
  }

  /**
   * Whether the caller may read {@code r}: a platform its own trades (either side), a DISCOM the
   * trades of its consumers (either side).
   */
  public boolean maySee(LedgerRecord r) {
    if (isDiscom()) {
      return discomId.equals(r.discomIdBuyer()) || discomId.equals(r.discomIdSeller());
    }
    return subscriberId.equals(r.platformIdBuyer()) || subscriberId.equals(r.platformIdSeller());
  }

  @Override
  public String toString() {
    return isDiscom()
        ? "DISCOM " + discomId + " (" + subscriberId + ")"
        : "platform " + subscriberId;
  }
}
