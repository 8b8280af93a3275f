package org.uei.p2p.node.store;

/** Whether this node received or sent a stored message. */
public enum Direction {
  /** Received by this node. */
  IN,
  /** Sent by this node. */
  OUT
}
