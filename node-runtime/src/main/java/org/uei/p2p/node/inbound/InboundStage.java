package org.uei.p2p.node.inbound;

/**
 * One step of inbound processing with a single job. Stages run in a fixed order; the first that
 * throws ends processing and its {@link InboundRejection} becomes the NACK.
 */
public interface InboundStage {

  /** Checks or records {@code exchange}; throws to refuse it. */
  void apply(InboundExchange exchange) throws InboundRejection;

  /**
   * Called, in reverse order, on every stage that completed when a later stage refused the
   * message, so that a stage can undo what it recorded (e.g. a replay-guard entry).
   */
  default void undo(InboundExchange exchange) {}

  /** A short name for logs and metrics. */
  String name();
}
