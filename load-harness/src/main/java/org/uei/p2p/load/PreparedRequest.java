package org.uei.p2p.load;

import java.nio.charset.StandardCharsets;

/**
 * One pre-built request: everything after the request line and {@code Host} header, i.e. the signed
 * {@code Authorization} header, {@code Content-Length}, the blank line and the exact body bytes the
 * signature covers. The same bytes can be sent to any target.
 *
 * @param tail header lines and body, ready to write
 * @param messageId the select's {@code message_id}, for diagnostics
 */
public record PreparedRequest(byte[] tail, String messageId) {

  /** Lays out {@code Authorization}, {@code Content-Length} and the body. */
  public static PreparedRequest of(String authorization, byte[] body, String messageId) {
    byte[] head =
        ("Authorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = new byte[head.length + body.length];
    System.arraycopy(head, 0, tail, 0, head.length);
    System.arraycopy(body, 0, tail, head.length, body.length);
    return new PreparedRequest(tail, messageId);
  }
}
