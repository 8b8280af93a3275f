package org.uei.p2p.node.inbound;

/**
 * One step of inbound processing with a single job. Stages run in a fixed order; the first that
 * throws ends processing and its {@link InboundRejection} becomes the NACK. Stages that record run
 * in one transaction (see {@link InboundPipeline}), so a later refusal rolls their work back.
 */
public interface InboundStage {

  /** Checks or records {@code exchange}; throws to refuse it. */
  void apply(InboundExchange exchange) throws InboundRejection;

  /** A short name for logs and metrics. */
  String name();
}
