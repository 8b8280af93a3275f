package org.uei.p2p.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs pre-built requests and reads the answer. It does
 * only what the load needs (Content-Length or chunked bodies, reconnect after {@code Connection:
 * close} or an I/O error), so that the client's own cost per request stays a small fraction of the
 * server's: a request is two buffer copies and one socket write.
 */
final class HttpConnection implements Closeable {

  /** What came back for one request. */
  record Answer(int status, boolean ack) {}

  private static final int MAX_BODY = 1 << 20;

  private final InetSocketAddress address;
  private final byte[] prefix;
  private final byte[] line = new byte[8192];
  private byte[] body = new byte[4096];
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private boolean mustReconnect = true;

  /** A connection to {@code baseUrl} (http, host and port) for {@code POST {path}}. */
  HttpConnection(URI baseUrl, String path) {
    this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
    this.prefix =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + baseUrl.getHost()
                + ":"
                + baseUrl.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sends {@code request} and reads the whole answer.
   *
   * @return the status and whether the body is a wave-1 ACK (and not a NACK)
   * @throws IOException when the connection failed; the next call reconnects
   */
  Answer exchange(PreparedRequest request) throws IOException {
    if (mustReconnect) {
      connect();
    }
    try {
      out.write(prefix);
      out.write(request.tail());
      out.flush();
      return readAnswer();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    close();
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    socket.connect(address, 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    mustReconnect = false;
  }

  private Answer readAnswer() throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    for (String h = readLine(); !h.isEmpty(); h = readLine()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        mustReconnect = true;
      }
    }
    int n = chunked ? readChunked() : readBody(Math.max(length, 0));
    return new Answer(code, isAck(body, n));
  }

  private int readBody(int length) throws IOException {
    if (length > MAX_BODY) {
      throw new IOException("answer body of " + length + " bytes");
    }
    ensure(length);
    readFully(0, length);
    return length;
  }

  private int readChunked() throws IOException {
    int total = 0;
    while (true) {
      String size = readLine();
      int semi = size.indexOf(';');
      int chunk = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (chunk == 0) {
        while (!readLine().isEmpty()) {
          // trailers
        }
        return total;
      }
      if (total + chunk > MAX_BODY) {
        throw new IOException("chunked answer body over " + MAX_BODY + " bytes");
      }
      ensure(total + chunk);
      readFully(total, chunk);
      total += chunk;
      readLine();
    }
  }

  private void ensure(int capacity) {
    if (body.length < capacity) {
      body = new byte[Math.max(capacity, body.length * 2)];
    }
  }

  private void readFully(int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int r = in.read(body, offset + done, length - done);
      if (r < 0) {
        throw new EOFException("connection closed in the middle of an answer body");
      }
      done += r;
    }
  }

  private String readLine() throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        break;
      }
      if (n == line.length) {
        throw new IOException("header line longer than " + line.length + " bytes");
      }
      line[n++] = (byte) b;
    }
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    return new String(line, 0, n, StandardCharsets.ISO_8859_1);
  }

  /**
   * A wave-1 ACK says {@code "ACK"} and no {@code "NACK"}; a NACK carries both the status and an
   * error.
   */
  static boolean isAck(byte[] body, int length) {
    return indexOf(body, length, NACK) < 0 && indexOf(body, length, ACK) >= 0;
  }

  private static final byte[] ACK = "\"ACK\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NACK = "\"NACK\"".getBytes(StandardCharsets.US_ASCII);

  private static int indexOf(byte[] hay, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    mustReconnect = true;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Nothing to do about a socket that will not close; a new one replaces it.
      }
      socket = null;
    }
  }
}
