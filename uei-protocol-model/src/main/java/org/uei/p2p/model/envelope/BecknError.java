package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.WireObject;

/**
 * A BECKN-005 {@code error}: {@code {code, message, paths}}. The code is an opaque string, since
 * networks use codes beyond {@link ErrorCode}.
 */
public final class BecknError extends WireObject {

  @JsonProperty("code")
  private String code;

  @JsonProperty("message")
  private String message;

  @JsonProperty("paths")
  private String paths;

  public BecknError() {}

  /** An error with a known code. */
  public static BecknError of(ErrorCode code, String message, String paths) {
    return of(code.code(), message, paths);
  }

  /** An error with any code. */
  public static BecknError of(String code, String message, String paths) {
    BecknError e = new BecknError();
    e.code = code;
    e.message = message;
    e.paths = paths;
    return e;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getPaths() {
    return paths;
  }

  public void setPaths(String paths) {
    this.paths = paths;
  }

  /** {@code paths: message (code)}, or {@code message (code)} without a path. */
  @Override
  public String toString() {
    return (paths == null || paths.isEmpty() ? "" : paths + ": ") + message + " (" + code + ")";
  }
}
