package org.uei.p2p.model.codec;

import java.util.List;
import org.uei.p2p.model.trade.EnergyOffer;

/**
 * Maps the wire-neutral trade model to and from the {@code message} of one wire generation, so that
 * node code deals in offers and orders and never in a generation's JSON shapes. DEG wave 1 is
 * {@link Wave1Codec}, IES wave 2 is {@link Wave2Codec}, UEI v1 (Beckn 1.1.0) is {@link UeiV1Codec}.
 *
 * <p>The envelope and its context stay with the generation (for wave 1: {@code Contexts} and {@code
 * Envelopes}); a codec builds and reads only the message part.
 *
 * @param <M> the generation's message type
 */
public interface TradeCodec<M> {

  /** A short name of the wire generation, e.g. {@code deg-wave1}. */
  String generation();

  /** The message of an offer listing (wave 1: on_discover and catalog_publish). */
  M catalogMessage(CatalogHeader header, List<EnergyOffer> offers);

  /**
   * The offers in an offer listing. Offers that are not energy offers of this generation's packs
   * are skipped; an energy offer that lacks what {@link EnergyOffer} needs is an error.
   */
  List<EnergyOffer> offers(M catalogMessage) throws TradeCodecException;

  /** The message of select, init, confirm or one of their callbacks for {@code order}. */
  M orderMessage(TradeOrder order);

  /** The order in a select, init, confirm or callback message. */
  TradeOrder order(M orderMessage) throws TradeCodecException;
}
