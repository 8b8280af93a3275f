package org.uei.p2p.signing;

/** Names of the HTTP headers that carry Beckn signatures, and the 401 challenge. */
public final class SignatureHeaders {

  /** The sender's signature on a request or callback. */
  public static final String AUTHORIZATION = "Authorization";

  /** A gateway's signature on a message it forwards (same format as {@link #AUTHORIZATION}). */
  public static final String GATEWAY_AUTHORIZATION = "X-Gateway-Authorization";

  /** The receiver's signature on a synchronous ACK/NACK (Beckn 2.0). */
  public static final String SIGNATURE = "Signature";

  /** The challenge header of a 401 answer. */
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  /** The challenge header a receiver uses when a gateway's signature fails. */
  public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";

  private SignatureHeaders() {}

  /**
   * {@code Signature realm="<receiver>",headers="(created) (expires) digest"}, the value of {@code
   * WWW-Authenticate} (or {@code Proxy-Authenticate}) on a 401 answer.
   *
   * @param realm the receiver's subscriber id
   */
  public static String wwwAuthenticate(String realm) {
    StringBuilder sb = new StringBuilder("Signature realm=\"");
    for (int i = 0; i < realm.length(); i++) {
      char c = realm.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      if (c >= 0x20 && c != 0x7f) {
        sb.append(c);
      }
    }
    return sb.append("\",headers=\"").append(SigningString.REQUEST_HEADERS).append('"').toString();
  }
}
