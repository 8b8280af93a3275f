package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The catalog service's catalog/on_publish: per catalog ACCEPTED, REJECTED or PARTIAL with the
 * errors. Accepted only from the configured service ({@code uei.bpp.wave2.catalog-service-id}) and
 * only as the answer to a publish this node sent (by the echoed {@code messageId}). The latest
 * result per catalog is kept (an answer to an older publish never replaces a newer one's) and a
 * refusal is logged with its reasons.
 */
@ApplicationScoped
public class PublishResults {

  /** Most results one on_publish may carry; this node publishes one catalog. */
  static final int MAX_RESULTS = 16;

  /** Most errors kept per result. */
  static final int MAX_ERRORS = 50;

  private static final Set<String> STATUSES = Set.of("ACCEPTED", "REJECTED", "PARTIAL");
  private static final int MAX_ERROR_TEXT = 4000;

  @Inject CatalogPublisher publisher;
  @Inject NodeIdentity identity;

  /** The synchronous checks; refuses with the path of the member at fault. */
  @Transactional
  public void admit(InboundMessage m) throws InboundRejection {
    if (!publisher.enabled()) {
      throw InboundRejection.badRequest(
          ErrorCode.ACTION_NOT_APPLICABLE,
          "this seller platform publishes to no catalog service",
          "context.action");
    }
    if (!publisher.serviceId().equals(m.senderId())) {
      throw InboundRejection.unauthorized(
          identity.subscriberId(),
          401,
          "catalog/on_publish is accepted only from the catalog service '"
              + publisher.serviceId()
              + "', not from '"
              + m.senderId()
              + "'");
    }
    String messageId = m.wave2Context().messageId();
    if (messageId == null || PublishRecord.findById(messageId) == null) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "answers no catalog/publish of this node (or one too old to be answered now)",
          "context.messageId");
    }
    JsonNode results = m.wave2().message().toJson().path("results");
    if (!results.isArray() || results.isEmpty() || results.size() > MAX_RESULTS) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "must be an array of 1 to " + MAX_RESULTS + " results",
          "message.results");
    }
    for (int i = 0; i < results.size(); i++) {
      check(results.get(i), "message.results[" + i + "]");
    }
  }

  private static void check(JsonNode r, String at) throws InboundRejection {
    if (!r.isObject()) {
      throw bad(at, "must be an object");
    }
    JsonNode id = r.path("catalogId");
    if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 255) {
      throw bad(at + ".catalogId", "must be a catalog id of 1 to 255 characters");
    }
    if (!STATUSES.contains(r.path("status").asText(null))) {
      throw bad(at + ".status", "must be one of " + STATUSES);
    }
    JsonNode errors = r.path("errors");
    if (!errors.isMissingNode() && (!errors.isArray() || errors.size() > MAX_ERRORS)) {
      throw bad(at + ".errors", "must be an array of at most " + MAX_ERRORS + " errors");
    }
    for (int k = 0; k < errors.size(); k++) {
      if (!errors.get(k).isObject()) {
        throw bad(at + ".errors[" + k + "]", "must be an object");
      }
    }
  }

  private static InboundRejection bad(String path, String why) {
    return InboundRejection.badRequest(ErrorCode.INVALID_REQUEST, why, path);
  }

  /** Keeps each result of the publish the on_publish answers, unless a newer one is kept. */
  @Transactional
  public void handle(InboundMessage m) {
    PublishRecord publish = PublishRecord.findById(m.wave2Context().messageId());
    if (publish == null) {
      return; // pruned since it was admitted: a newer publish has been answered or will be
    }
    for (JsonNode r : m.wave2().message().toJson().path("results")) {
      String catalogId = r.path("catalogId").asText();
      if (!catalogId.equals(publish.catalogId)) {
        Log.warnf("catalog service answered for catalog %s, which was not published", catalogId);
        continue;
      }
      CatalogPublication p = CatalogPublication.findById(catalogId, LockModeType.PESSIMISTIC_WRITE);
      if (p.resultGeneration != null && p.resultGeneration > publish.generation) {
        continue;
      }
      p.resultStatus = r.path("status").asText();
      p.resultErrors = errors(r.path("errors"));
      p.resultGeneration = publish.generation;
      p.resultMessageId = publish.messageId;
      p.resultAt = m.receivedAt();
      if ("ACCEPTED".equals(p.resultStatus)) {
        Log.infof("catalog %s (generation %d) accepted", catalogId, publish.generation);
      } else {
        Log.warnf(
            "catalog %s (generation %d) %s by the catalog service: %s",
            catalogId, publish.generation, p.resultStatus, p.resultErrors);
      }
    }
  }

  /** {@code code: message} per error, one a line, cut to the column's size. */
  private static String errors(JsonNode errors) {
    List<String> lines = new ArrayList<>();
    for (JsonNode e : errors) {
      String code = text(e, "errorCode", "code");
      String message = text(e, "errorMessage", "message");
      String paths = e.path("paths").asText("");
      lines.add(
          (code.isEmpty() ? "" : code + ": ")
              + message
              + (paths.isEmpty() ? "" : " (at " + paths + ")"));
    }
    String all = String.join("\n", lines);
    return all.isEmpty() ? null : all.substring(0, Math.min(all.length(), MAX_ERROR_TEXT));
  }

  private static String text(JsonNode e, String name, String alternative) {
    JsonNode n = e.has(name) ? e.get(name) : e.path(alternative);
    return n.isValueNode() ? n.asText() : "";
  }
}
