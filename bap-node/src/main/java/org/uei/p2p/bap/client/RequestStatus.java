package org.uei.p2p.bap.client;

/** Where a request sent to one BPP stands. */
public enum RequestStatus {
  /** Recorded, not yet answered by HTTP. */
  SENDING,
  /** ACKed; the callback has not come yet. */
  ACKED,
  /** NACKed or not deliverable; no callback will come. */
  FAILED,
  /** The callback came. */
  ANSWERED
}
