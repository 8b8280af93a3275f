package org.uei.p2p.node.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.node.store.Direction;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.VerificationResult;

/**
 * Every message of one transaction as the node stored it, in order: direction, action, ids, the
 * answer, and its signature checked again now, with the key the registry publishes today, as of the
 * time the message was stored (a signature's expiry is judged at receipt, not at reading).
 */
@ApplicationScoped
public class TransactionView {

  /** Most characters of a body the page shows. */
  static final int MAX_BODY_CHARS = 20_000;

  /** Most messages one transaction page shows. */
  static final int MAX_MESSAGES = 500;

  @Inject RegistryKeyResolver keys;

  /** One stored message. */
  @TemplateData
  public record Message(
      long id,
      String direction,
      String action,
      String messageId,
      String senderId,
      String recipientId,
      Instant storedAt,
      String answer,
      boolean signatureValid,
      String signature,
      String body) {}

  /** The transaction's messages, oldest first. */
  @Transactional
  public List<Message> messages(String transactionId) {
    List<StoredMessage> stored =
        StoredMessage.find("transactionId = ?1 order by id", transactionId)
            .page(0, MAX_MESSAGES)
            .list();
    return stored.stream().map(this::view).toList();
  }

  private Message view(StoredMessage m) {
    VerificationResult check = signature(m);
    return new Message(
        m.id,
        m.direction == Direction.IN ? "received" : "sent",
        m.action,
        m.messageId,
        m.senderId,
        m.recipientId,
        m.createdAt,
        answer(m),
        check.valid(),
        check.valid()
            ? "valid: signed by " + check.signerId() + ", key from the registry"
            : check.status() + ": " + check.detail(),
        body(m.body));
  }

  private VerificationResult signature(StoredMessage m) {
    String authorization = header(m.headers, "Authorization");
    BecknVerifier asStored =
        BecknVerifier.builder(keys).clock(Clock.fixed(m.createdAt, ZoneOffset.UTC)).build();
    return asStored.verify(authorization, m.body, m.senderId);
  }

  /** What the receiver answered: our ACK for what we stored, the peer's answer to what we sent. */
  private static String answer(StoredMessage m) {
    if (m.direction == Direction.IN) {
      return "ACK (stored before it was acknowledged)";
    }
    if (m.response == null || m.response.isEmpty()) {
      return m.httpStatus == null ? "no answer" : "HTTP " + m.httpStatus + ", empty body";
    }
    try {
      AckResponse a = AckResponse.parse(m.response.getBytes(StandardCharsets.UTF_8));
      if (a.isAck()) {
        return "ACK (HTTP " + m.httpStatus + ")";
      }
      var e = a.error();
      return "NACK (HTTP "
          + m.httpStatus
          + ")"
          + (e == null ? "" : " " + e.getCode() + ": " + e.getMessage());
    } catch (RuntimeException | org.uei.p2p.model.envelope.MessageParseException unreadable) {
      return "HTTP " + m.httpStatus + ": " + shorten(m.response, 300);
    }
  }

  private static String header(String headersJson, String name) {
    try {
      JsonNode all = BecknJson.mapper().readTree(headersJson);
      for (var field : all.properties()) {
        if (field.getKey().equalsIgnoreCase(name)) {
          return field.getValue().asText();
        }
      }
    } catch (IOException unreadable) {
      // no header: the verifier reports it as missing
    }
    return null;
  }

  private static String body(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      text =
          BecknJson.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(BecknJson.mapper().readTree(bytes));
    } catch (IOException unreadable) {
      // shown as stored
    }
    return shorten(text, MAX_BODY_CHARS);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "\n… (" + s.length() + " characters)";
  }
}
