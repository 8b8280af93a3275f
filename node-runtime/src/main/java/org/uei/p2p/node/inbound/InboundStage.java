package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;

/**
 * One step of inbound processing with a single job. Stages run in a fixed order; the first that
 * throws ends processing and its {@link InboundRejection} becomes the NACK. Only the last stage,
 * {@link StoreStage}, writes: a refusal by any earlier one leaves nothing behind.
 */
public interface InboundStage {

  /** Checks or records {@code exchange}; throws to refuse it. */
  void apply(InboundExchange exchange) throws InboundRejection;

  /** A short name for logs and metrics. */
  String name();
}
