package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.WireObject;

/**
 * A wave-1 message on the wire: {@code {context, message}}, plus the {@code error} that a callback
 * may carry when the request failed on the far side.
 *
 * @param <M> the message class of the action (see {@link Action#messageType()})
 */
public final class Envelope<M extends Message> extends WireObject {

  @JsonProperty("context")
  private Context context;

  @JsonProperty("message")
  private M message;

  @JsonProperty("error")
  private BecknError error;

  public Envelope() {}

  /** An envelope of {@code context} and {@code message}. */
  public Envelope(Context context, M message) {
    this.context = context;
    this.message = message;
  }

  public Context getContext() {
    return context;
  }

  public void setContext(Context context) {
    this.context = context;
  }

  public M getMessage() {
    return message;
  }

  public void setMessage(M message) {
    this.message = message;
  }

  public BecknError getError() {
    return error;
  }

  public void setError(BecknError error) {
    this.error = error;
  }
}
