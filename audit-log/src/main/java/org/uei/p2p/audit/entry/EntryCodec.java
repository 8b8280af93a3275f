package org.uei.p2p.audit.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte encoding of {@link LogEntry}s (format version 1).
 *
 * <p>Every variable-length field carries a 4-byte big-endian length, so no two different entries
 * share an encoding and no field can bleed into the next. Layout:
 *
 * <pre>
 * u8 version (1) | u8 type (1 = signed message, 2 = record) | fields...
 * signed message: u8 direction (0 in, 1 out) | str action | str transaction_id | str message_id
 *                 | time | u32 header count | (str name | str value)* sorted by name | bytes body
 * record:         u8 kind (1 allocation, 2 settlement) | str record_id
 *                 | u8 has transaction_id (0/1) [| str transaction_id] | time | bytes json
 * str = bytes of UTF-8; bytes = u32 length | data; time = i64 epoch seconds | u32 nanoseconds
 * </pre>
 *
 * <p>{@link #decode} accepts exactly this and nothing else (no trailing bytes, no unsorted or
 * duplicate headers, valid UTF-8), so that decoding and re-encoding always gives the same bytes.
 */
public final class EntryCodec {

  /** The encoding version written in the first byte. */
  public static final int VERSION = 1;

  private static final int TYPE_MESSAGE = 1;
  private static final int TYPE_RECORD = 2;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EntryCodec() {}

  /** The canonical bytes of {@code entry}. */
  public static byte[] encode(LogEntry entry) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (entry instanceof SignedMessageEntry m) {
        out.writeByte(TYPE_MESSAGE);
        out.writeByte(m.direction() == Direction.IN ? 0 : 1);
        writeString(out, m.action());
        writeString(out, m.transactionId());
        writeString(out, m.messageId());
        writeTime(out, m.timestamp());
        out.writeInt(m.signatureHeaders().size());
        for (Map.Entry<String, String> h : m.signatureHeaders().entrySet()) {
          writeString(out, h.getKey());
          writeString(out, h.getValue());
        }
        writeBytes(out, m.body());
      } else if (entry instanceof RecordEntry r) {
        out.writeByte(TYPE_RECORD);
        out.writeByte(r.kind() == RecordEntry.Kind.ALLOCATION ? 1 : 2);
        writeString(out, r.recordId());
        out.writeByte(r.transactionId() == null ? 0 : 1);
        if (r.transactionId() != null) {
          writeString(out, r.transactionId());
        }
        writeTime(out, r.timestamp());
        writeBytes(out, r.json());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes canonical entry bytes.
   *
   * @throws MalformedEntryException if {@code bytes} is not exactly the encoding of one entry
   */
  public static LogEntry decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      int version = Byte.toUnsignedInt(in.get());
      if (version != VERSION) {
        throw new MalformedEntryException("unknown entry encoding version " + version);
      }
      int type = Byte.toUnsignedInt(in.get());
      LogEntry entry =
          switch (type) {
            case TYPE_MESSAGE -> decodeMessage(in);
            case TYPE_RECORD -> decodeRecord(in);
            default -> throw new MalformedEntryException("unknown entry type " + type);
          };
      if (in.hasRemaining()) {
        throw new MalformedEntryException(in.remaining() + " unexpected bytes after the entry");
      }
      return entry;
    } catch (BufferUnderflowException e) {
      throw new MalformedEntryException("entry is truncated");
    } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
      if (e instanceof MalformedEntryException m) {
        throw m;
      }
      throw new MalformedEntryException("entry has an invalid field: " + e.getMessage());
    }
  }

  private static SignedMessageEntry decodeMessage(ByteBuffer in) {
    int dir = Byte.toUnsignedInt(in.get());
    if (dir > 1) {
      throw new MalformedEntryException("unknown message direction " + dir);
    }
    String action = readString(in);
    String transactionId = readString(in);
    String messageId = readString(in);
    Instant timestamp = readTime(in);
    int count = in.getInt();
    if (count < 0 || count > in.remaining() / 8) {
      throw new MalformedEntryException(
          "impossible signature header count " + Integer.toUnsignedString(count));
    }
    TreeMap<String, String> headers = new TreeMap<>();
    String previous = null;
    for (int i = 0; i < count; i++) {
      String name = readString(in);
      if (previous != null && previous.compareTo(name) >= 0) {
        throw new MalformedEntryException(
            "signature headers are not in canonical order at " + name);
      }
      headers.put(name, readString(in));
      previous = name;
    }
    byte[] body = readBytes(in);
    return new SignedMessageEntry(
        dir == 0 ? Direction.IN : Direction.OUT,
        action,
        transactionId,
        messageId,
        body,
        headers,
        timestamp);
  }

  private static RecordEntry decodeRecord(ByteBuffer in) {
    int kind = Byte.toUnsignedInt(in.get());
    if (kind != 1 && kind != 2) {
      throw new MalformedEntryException("unknown record kind " + kind);
    }
    String recordId = readString(in);
    int hasTransaction = Byte.toUnsignedInt(in.get());
    if (hasTransaction > 1) {
      throw new MalformedEntryException("invalid transaction_id flag " + hasTransaction);
    }
    String transactionId = hasTransaction == 1 ? readString(in) : null;
    Instant timestamp = readTime(in);
    byte[] json = readBytes(in);
    return new RecordEntry(
        kind == 1 ? RecordEntry.Kind.ALLOCATION : RecordEntry.Kind.SETTLEMENT,
        recordId,
        transactionId,
        json,
        timestamp);
  }

  static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  static void requireJson(byte[] json) {
    try {
      JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (json.length == 0) {
      throw new IllegalArgumentException("record JSON must not be empty");
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static void writeTime(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  private static String readString(ByteBuffer in) {
    byte[] raw = readBytes(in);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedEntryException("a text field is not valid UTF-8");
    }
  }

  private static byte[] readBytes(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new MalformedEntryException(
          "field length "
              + Integer.toUnsignedString(length)
              + " exceeds the "
              + in.remaining()
              + " bytes left");
    }
    byte[] b = new byte[length];
    in.get(b);
    return b;
  }

  private static Instant readTime(ByteBuffer in) {
    long seconds = in.getLong();
    int nanos = in.getInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new MalformedEntryException("invalid nanoseconds " + Integer.toUnsignedString(nanos));
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
