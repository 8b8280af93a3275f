package org.uei.p2p.audit.entry;

/** Whether a protocol message was received or sent by the node keeping the log. */
public enum Direction {
  /** Received from a counterparty. */
  IN,
  /** Sent to a counterparty. */
  OUT
}
