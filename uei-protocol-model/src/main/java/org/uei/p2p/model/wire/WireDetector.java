package org.uei.p2p.model.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

/**
 * Tells the wire generation of a message from the shape of its {@code context}, before any
 * generation's parser or validator sees it, so that a message of one generation is never judged by
 * another's rules (a wave-2 init read as wave 1 gives a page of "context.domain is required").
 *
 * <ul>
 *   <li>camelCase identifiers ({@code transactionId}, {@code messageId}, {@code bapId}, …): IES
 *       wave 2;
 *   <li>snake_case identifiers ({@code transaction_id}, {@code message_id}, {@code bap_id}, …) with
 *       a {@code version} or {@code core_version} of 1.x: UEI v1 (Beckn 1.1.0);
 *   <li>snake_case identifiers otherwise: DEG wave 1;
 *   <li>both kinds, neither, or no context object: none, with the reason.
 * </ul>
 *
 * Stateless; the members looked at are a handful, so this costs next to nothing on the receive
 * path.
 */
public final class WireDetector {

  private static final List<String> CAMEL =
      List.of(
          "transactionId",
          "messageId",
          "bapId",
          "bppId",
          "bapUri",
          "bppUri",
          "networkId",
          "schemaContext");
  private static final List<String> SNAKE =
      List.of(
          "transaction_id",
          "message_id",
          "bap_id",
          "bpp_id",
          "bap_uri",
          "bpp_uri",
          "network_id",
          "schema_context",
          "domain",
          "core_version");

  private WireDetector() {}

  /** What the detector found: a generation, or why the body is none of them. */
  public record Detection(WireGeneration generation, String reason) {

    /** True when a generation this library supports was found. */
    public boolean isSupported() {
      return generation != null && generation.isSupported();
    }

    /**
     * The error for a body of no supported generation: {@code not a Beckn message of a supported
     * generation: <reason>} (30000); {@code null} when supported.
     */
    public BecknError error() {
      return isSupported()
          ? null
          : BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "not a Beckn message of a supported generation: " + reason,
              generation == null ? "context" : "");
    }
  }

  /** The generation of a parsed body. */
  public static Detection detect(JsonNode body) {
    if (body == null || !body.isObject()) {
      return new Detection(null, "the body is not a JSON object");
    }
    JsonNode ctx = body.get("context");
    if (ctx == null || !ctx.isObject()) {
      return new Detection(null, "it has no context object");
    }
    String camel = firstPresent(ctx, CAMEL);
    String snake = firstPresent(ctx, SNAKE);
    if (camel != null && snake != null) {
      return new Detection(
          null,
          "its context mixes camelCase members of wave 2 ("
              + camel
              + ") with snake_case members of wave 1 or Beckn 1.x ("
              + snake
              + ")");
    }
    if (camel != null) {
      return new Detection(
          WireGeneration.IES_WAVE2, "context." + camel + " is camelCase (Beckn 2.0 LTS)");
    }
    if (snake != null) {
      String member = text(ctx, "version") != null ? "version" : "core_version";
      String version = text(ctx, member);
      if (version != null && version.startsWith("1.")) {
        return new Detection(
            WireGeneration.UEI_V1, "context." + member + " is " + version + " (Beckn 1.x)");
      }
      return new Detection(
          WireGeneration.DEG_WAVE1, "context." + snake + " is snake_case (Beckn 2.0-rc)");
    }
    return new Detection(
        null,
        "its context has neither the camelCase ids of wave 2 (transactionId, messageId)"
            + " nor the snake_case ids of wave 1 (transaction_id, message_id)");
  }

  private static String firstPresent(JsonNode ctx, List<String> names) {
    for (String n : names) {
      if (ctx.has(n)) {
        return n;
      }
    }
    return null;
  }

  private static String text(JsonNode ctx, String name) {
    JsonNode n = ctx.get(name);
    return n != null && n.isTextual() ? n.asText() : null;
  }
}
