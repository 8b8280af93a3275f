package org.uei.p2p.node.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * The wire-neutral view of a message context: what the inbound stages, the transaction store and
 * the sender need, whichever wire the message came on. Values are the text as written ({@code null}
 * when absent); {@link #path} names a member in the wire's own spelling.
 */
public interface WireContext {

  /** The view of a wave-1 context. */
  static WireContext of(Context c) {
    return new Wave1View(c);
  }

  /** The view of a wave-2 context. */
  static WireContext of(Wave2Context c) {
    return new Wave2View(c);
  }

  /** The view of a UEI v1 (Beckn 1.1.0) context. */
  static WireContext of(UeiV1Context c) {
    return new UeiV1View(c);
  }

  WireGeneration wire();

  String get(ContextField field);

  default String action() {
    return get(ContextField.ACTION);
  }

  default String bapId() {
    return get(ContextField.BAP_ID);
  }

  default String bapUri() {
    return get(ContextField.BAP_URI);
  }

  default String bppId() {
    return get(ContextField.BPP_ID);
  }

  default String bppUri() {
    return get(ContextField.BPP_URI);
  }

  default String transactionId() {
    return get(ContextField.TRANSACTION_ID);
  }

  default String messageId() {
    return get(ContextField.MESSAGE_ID);
  }

  default String timestamp() {
    return get(ContextField.TIMESTAMP);
  }

  default String ttl() {
    return get(ContextField.TTL);
  }

  /** {@code domain} (wave 1, UEI v1) or {@code networkId} (wave 2). */
  default String network() {
    return get(ContextField.NETWORK);
  }

  /** The timestamp; throws {@link java.time.format.DateTimeParseException} when malformed. */
  Instant timestampInstant();

  /** The ttl as a duration; throws when absent or malformed. */
  default Duration ttlDuration() {
    return Duration.parse(ttl());
  }

  /** The JSON path of {@code field} on this wire, e.g. {@code context.bap_uri}. */
  default String path(ContextField field) {
    return field.pathOn(wire());
  }

  /** True for callbacks: {@code on_*} and, on wave 2, {@code catalog/on_publish}. */
  default boolean isCallback() {
    return Actions.isCallback(action());
  }

  /**
   * The member naming the sender: {@code bap_id} of a request, {@code bpp_id} of a callback; on
   * wave 2 {@code bppId} of {@code catalog/publish}, and none for {@code catalog/on_publish} (the
   * catalog service that sends it is not in the context).
   */
  default ContextField senderField() {
    return Actions.senderField(action());
  }

  /**
   * The member naming the receiver, or null when the context does not name it (catalog/publish).
   */
  default ContextField receiverField() {
    return Actions.receiverField(action());
  }

  /** A wave-1 context. */
  record Wave1View(Context context) implements WireContext {
    @Override
    public WireGeneration wire() {
      return WireGeneration.DEG_WAVE1;
    }

    @Override
    public String get(ContextField field) {
      return switch (field) {
        case ACTION -> context.getAction();
        case BAP_ID -> context.getBapId();
        case BAP_URI -> context.getBapUri();
        case BPP_ID -> context.getBppId();
        case BPP_URI -> context.getBppUri();
        case TRANSACTION_ID -> context.getTransactionId();
        case MESSAGE_ID -> context.getMessageId();
        case TIMESTAMP -> context.getTimestamp();
        case TTL -> context.getTtl();
        case NETWORK -> context.getDomain();
      };
    }

    @Override
    public Instant timestampInstant() {
      return context.timestampInstant();
    }

    @Override
    public Duration ttlDuration() {
      return context.ttlDuration();
    }
  }

  /** A wave-2 context. */
  record Wave2View(Wave2Context context) implements WireContext {
    @Override
    public WireGeneration wire() {
      return WireGeneration.IES_WAVE2;
    }

    @Override
    public String get(ContextField field) {
      return switch (field) {
        case ACTION -> context.action();
        case BAP_ID -> context.bapId();
        case BAP_URI -> context.bapUri();
        case BPP_ID -> context.bppId();
        case BPP_URI -> context.bppUri();
        case TRANSACTION_ID -> context.transactionId();
        case MESSAGE_ID -> context.messageId();
        case TIMESTAMP -> context.timestamp();
        case TTL -> context.ttl();
        case NETWORK -> context.networkId();
      };
    }

    @Override
    public Instant timestampInstant() {
      return context.timestampInstant();
    }
  }

  /** A UEI v1 context: snake_case like wave 1, {@code domain} names the network. */
  record UeiV1View(UeiV1Context context) implements WireContext {
    @Override
    public WireGeneration wire() {
      return WireGeneration.UEI_V1;
    }

    @Override
    public String get(ContextField field) {
      return switch (field) {
        case ACTION -> context.action();
        case BAP_ID -> context.bapId();
        case BAP_URI -> context.bapUri();
        case BPP_ID -> context.bppId();
        case BPP_URI -> context.bppUri();
        case TRANSACTION_ID -> context.transactionId();
        case MESSAGE_ID -> context.messageId();
        case TIMESTAMP -> context.timestamp();
        case TTL -> context.ttl();
        case NETWORK -> context.domain();
      };
    }

    // RFC 3339 allows a lower-case t and z, which java.time does not.
    @Override
    public Instant timestampInstant() {
      return OffsetDateTime.parse(context.timestamp().toUpperCase(Locale.ROOT)).toInstant();
    }
  }
}
