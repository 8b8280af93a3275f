package org.uei.p2p.load;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.signing.BecknSigner;

/**
 * Builds and signs selects as a buyer platform would: one order line of 1 kWh from one of the
 * seller's offers (taken in turn), a new transaction and message id each, serialized once with the
 * model and signed over those bytes. Signatures and {@code ttl} are made to outlast the whole run,
 * so a request built before the warm-up is still valid when it is sent.
 */
final class SelectFactory {

  private static final BigDecimal KWH = BigDecimal.ONE;
  private static final int BUYERS = 100;

  private final List<EnergyOffer> offers;
  private final BecknSigner signer;
  private final Contexts.Parties parties;
  private final Duration validity;
  private final Clock clock = Clock.systemUTC();
  private final Wave1Codec codec = new Wave1Codec();

  SelectFactory(
      List<EnergyOffer> offers, BecknSigner signer, Contexts.Parties parties, Duration validity) {
    if (offers.isEmpty()) {
      throw new IllegalArgumentException("no offers to select from");
    }
    this.offers = List.copyOf(offers);
    this.signer = signer;
    this.parties = parties;
    this.validity = validity;
  }

  /**
   * {@code count} distinct signed selects, numbered from {@code first} (the number picks offer and
   * buyer).
   */
  List<PreparedRequest> build(int first, int count) {
    long created = clock.instant().getEpochSecond();
    long expires = created + validity.toSeconds();
    return IntStream.range(first, first + count)
        .parallel()
        .mapToObj(i -> build(i, created, expires))
        .toList();
  }

  private PreparedRequest build(int i, long created, long expires) {
    EnergyOffer offer = offers.get(i % offers.size());
    int buyer = i % BUYERS;
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            parties.bapId(),
            parties.bppId(),
            "buyer-" + buyer,
            new MeterPoint(String.format("UP-BUYER-%04d", buyer), "PVVNL"),
            List.of(OrderLine.take(offer, KWH)));
    Context context = Contexts.newRequest(Action.SELECT, parties, null, validity, clock);
    byte[] body = Envelopes.write(new Envelope<>(context, codec.orderMessage(order)));
    return PreparedRequest.of(
        signer.authorization(body, created, expires), body, context.getMessageId());
  }
}
