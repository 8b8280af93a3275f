package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.node.wire.Actions;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * The transaction store: every message this node received or sent, of either wire, raw with its
 * headers; transaction id, message id and action come from the context of the message's wire. The
 * single place that writes {@link StoredMessage} rows; each write fires {@link MessageStored} in
 * its transaction.
 */
@ApplicationScoped
public class MessageStore {

  @Inject Event<MessageStored> stored;
  @Inject org.uei.p2p.node.config.InstanceId instance;
  @Inject org.uei.p2p.node.config.NodeConfig config;
  @Inject AgroalDataSource dataSource;

  /**
   * Stores a received message; call inside a transaction. Returns the row id.
   *
   * @param action the action of the endpoint it was posted to
   * @param c its context
   * @param senderId the sender its context names
   * @param headers the request headers (only a documented subset is kept)
   * @param body the exact bytes received
   * @param receivedAt when it arrived
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Long saveInbound(
      Action action,
      Context c,
      String senderId,
      Map<String, String> headers,
      byte[] body,
      Instant receivedAt) {
    return saveInbound(action.wireName(), WireContext.of(c), senderId, headers, body, receivedAt);
  }

  /**
   * Stores a received message of either wire; call inside a transaction. Returns the row id.
   *
   * @param action the action name of the endpoint it was posted to, e.g. {@code catalog/publish}
   * @param c its context, wire-neutral
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Long saveInbound(
      String action,
      WireContext c,
      String senderId,
      Map<String, String> headers,
      byte[] body,
      Instant receivedAt) {
    StoredMessage m = new StoredMessage();
    m.direction = Direction.IN;
    m.action = action;
    m.transactionId = c.transactionId();
    m.messageId = c.messageId();
    m.senderId = senderId;
    ContextField receiver = Actions.receiverField(action);
    m.recipientId = receiver == null ? null : c.get(receiver);
    m.url = "/" + m.action;
    m.headers = headersJson(headers);
    m.body = body;
    // To the database's precision, so that the row and the message held in memory are the same.
    m.createdAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    m.expiresAt = expiresAt(c);
    // Handled right after the commit by this instance, which holds the handling lease until then.
    m.handlingOwner = instance.value();
    m.handlingUntil = Instant.now().plus(config.inbound().handlingLease());
    insert(m);
    stored.fire(new MessageStored(m));
    return m.id;
  }

  /**
   * Stores a message this node sent, with the receiver's answer.
   *
   * @param context the context of the message sent
   */
  @Transactional
  public Long saveOutbound(
      Context context,
      String url,
      String recipientId,
      Map<String, String> headers,
      byte[] body,
      int httpStatus,
      String response) {
    return saveOutbound(
        WireContext.of(context), url, recipientId, headers, body, httpStatus, response);
  }

  /** Stores a message of either wire this node sent, with the receiver's answer. */
  @Transactional
  public Long saveOutbound(
      WireContext context,
      String url,
      String recipientId,
      Map<String, String> headers,
      byte[] body,
      int httpStatus,
      String response) {
    StoredMessage m = new StoredMessage();
    m.direction = Direction.OUT;
    m.action = context.action();
    m.transactionId = context.transactionId();
    m.messageId = context.messageId();
    ContextField sender = Actions.senderField(context.action());
    m.senderId = sender == null ? null : context.get(sender);
    m.recipientId = recipientId;
    m.url = url;
    m.headers = headersJson(headers);
    m.body = body;
    m.httpStatus = httpStatus;
    m.response = response == null ? null : truncate(response, 16000);
    m.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    m.expiresAt = expiresAt(context);
    insert(m);
    stored.fire(new MessageStored(m));
    return m.id;
  }

  /**
   * Inserts {@code m} with a plain statement on the transaction's connection and sets its id. Every
   * message passes here once or twice; an entity session would cost more than the insert. The row
   * is then an ordinary one: entity queries in the same transaction find it.
   */
  private void insert(StoredMessage m) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(INSERT, new String[] {"id"})) {
      s.setString(1, m.direction.name());
      s.setString(2, m.action);
      s.setString(3, m.transactionId);
      s.setString(4, m.messageId);
      s.setString(5, m.senderId);
      s.setString(6, m.recipientId);
      s.setString(7, m.url);
      s.setString(8, m.headers);
      s.setBytes(9, m.body);
      s.setObject(10, m.httpStatus, Types.INTEGER);
      s.setString(11, m.response);
      s.setObject(12, Lease.utc(m.createdAt));
      s.setObject(13, Lease.utc(m.expiresAt), Types.TIMESTAMP_WITH_TIMEZONE);
      s.setString(14, m.handlingOwner);
      s.setObject(15, Lease.utc(m.handlingUntil), Types.TIMESTAMP_WITH_TIMEZONE);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new IllegalStateException("the database returned no id for a stored message");
        }
        m.id = keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot store "
              + m.direction
              + " "
              + m.action
              + " "
              + m.messageId
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static final String INSERT =
      "INSERT INTO beckn_message (direction, action, transaction_id, message_id, sender_id,"
          + " recipient_id, url, headers, body, http_status, response, created_at, expires_at,"
          + " handling_owner, handling_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Marks received messages as processed by the node's handler, in one batch of key updates: a list
   * of ids in one statement can make PostgreSQL, before it has statistics on the table, scan every
   * message ever stored.
   */
  @Transactional
  public void markHandled(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE beckn_message SET handled_at = ? WHERE id = ?")) {
      java.time.OffsetDateTime now = Lease.utc(Instant.now());
      for (Long id : ids) {
        s.setObject(1, now);
        s.setLong(2, id);
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark messages handled: " + e.getMessage(), e);
    }
  }

  /** All messages of a transaction, oldest first. */
  @Transactional
  public List<StoredMessage> byTransaction(String transactionId) {
    return StoredMessage.byTransaction(transactionId);
  }

  private static Instant expiresAt(WireContext c) {
    try {
      return c.timestamp() == null || c.ttl() == null
          ? null
          : c.timestampInstant().plus(c.ttlDuration());
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /**
   * The headers kept with a message: the signature headers in full (bounded by the inbound header
   * check), a few descriptive ones cut to {@value #MAX_OTHER_HEADER} characters, nothing else. What
   * is stored is then always complete, parseable JSON well inside the column; a sender's extra
   * headers cannot fill it.
   */
  static String headersJson(Map<String, String> headers) {
    TreeMap<String, String> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, value) -> {
          if (SIGNATURE_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
            kept.put(name, value);
          } else if (DESCRIPTIVE_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
            kept.put(name, truncate(value, MAX_OTHER_HEADER));
          }
        });
    return BecknJson.writeString(kept);
  }

  /** Headers stored in full: what the audit log needs to re-check a signature. */
  public static final List<String> SIGNATURE_HEADERS =
      List.of("Authorization", "X-Gateway-Authorization", "Digest");

  /** Headers stored cut to {@link #MAX_OTHER_HEADER} characters, for people reading the store. */
  public static final List<String> DESCRIPTIVE_HEADERS =
      List.of("Content-Type", "Content-Length", "User-Agent", "X-Forwarded-For");

  /** Longest stored value of a descriptive header. */
  public static final int MAX_OTHER_HEADER = 256;

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
