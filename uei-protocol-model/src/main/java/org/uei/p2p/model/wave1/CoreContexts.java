package org.uei.p2p.model.wave1;

/**
 * JSON-LD context URLs that wave-1 messages put in {@code @context}. Incoming values are never
 * checked against these (networks pin different tags); they are what this library writes.
 */
public final class CoreContexts {

  /** Beckn core 2.0-rc schema context, as used by the DEG wave-1 pilot. */
  public static final String CORE_V2 =
      "https://raw.githubusercontent.com/beckn/protocol-specifications-v2/tags/core-2.0.0-rc-eos-release/schema/core/v2/context.jsonld";

  /** EnergyTrade v0.3 pack context. */
  public static final String ENERGY_TRADE_V03 =
      "https://raw.githubusercontent.com/beckn/DEG/tags/deg-1.0.1/specification/schema/EnergyTrade/v0.3/context.jsonld";

  /** PaymentSettlement v1 pack context. */
  public static final String PAYMENT_SETTLEMENT_V1 =
      "https://raw.githubusercontent.com/beckn/protocol-specifications-v2/tags/core-2.0.0-rc-eos-release/schema/PaymentSettlement/v1/context.jsonld";

  private CoreContexts() {}
}
