package org.uei.p2p.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.json.JsonProblems;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.wire.AckBodies;
import org.uei.p2p.node.wire.Wires;

/**
 * Shapes the HTTP stack's own refusals. On Beckn paths ({@link BecknPaths}) a wrong method, an
 * unknown path or media type gets the same status with a NACK body (code 30000 or 40001), so a
 * Beckn sender always reads a Beckn answer. On the node's JSON APIs, a body that is not JSON of the
 * right shape gets 400 with {@code {"error", "path"}} in JSON terms, never Jackson's text with this
 * project's class names.
 */
@ApplicationScoped
public class HttpRefusals {

  /** Paths no resource serves: a NACK on Beckn paths, the usual 404 elsewhere. */
  void unmatched(@Observes Router router, NodeConfig config) {
    WireGeneration wire = onlyWire(config);
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 10_000)
        .handler(
            ctx -> {
              if (!BecknPaths.isBecknPath(ctx.normalizedPath())) {
                ctx.next();
                return;
              }
              ctx.response()
                  .setStatusCode(404)
                  .putHeader("Content-Type", MediaType.APPLICATION_JSON)
                  .end(
                      nackJson(
                          wire,
                          ErrorCode.ACTION_NOT_APPLICABLE,
                          "no Beckn endpoint at this path; post to /{action}",
                          "context.action"));
            });
  }

  @Inject NodeConfig config;

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    if (!BecknPaths.isBecknPath("/" + uri.getPath())) {
      // The REST layer wraps a body it could not read; say why, in JSON terms.
      for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof JsonProcessingException j) {
          return badJson(j);
        }
      }
      return original;
    }
    int status = original.getStatus();
    String why =
        switch (status) {
          case 405 -> "a Beckn endpoint only takes POST";
          case 404 -> "no Beckn endpoint at this path; post to /{action}";
          case 415 -> "a Beckn message is sent as application/json";
          case 406 -> "a Beckn endpoint answers application/json";
          default -> "refused by the HTTP layer (" + status + ")";
        };
    ErrorCode code =
        status == 404 || status == 405
            ? ErrorCode.ACTION_NOT_APPLICABLE
            : ErrorCode.INVALID_REQUEST;
    Response.ResponseBuilder r =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON)
            .entity(
                nackJson(
                    onlyWire(config),
                    code,
                    why,
                    status == 404 || status == 405 ? "context.action" : ""));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> r.header(name, v));
              }
            });
    return r.build();
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public Response streamRead(StreamReadException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public Response databind(DatabindException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return badJson(e);
  }

  private static Response badJson(JsonProcessingException e) {
    JsonProblems.Problem p = JsonProblems.of(e);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", p.message());
    if (!p.path().isEmpty()) {
      body.put("path", p.path());
    }
    return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  /** A NACK body in the wave-1 shape, as the Beckn endpoints answer. */
  public static String nackJson(ErrorCode code, String message, String path) {
    return nackJson(WireGeneration.DEG_WAVE1, code, message, path);
  }

  /** A NACK body in the shape of {@code wire}. */
  public static String nackJson(WireGeneration wire, ErrorCode code, String message, String path) {
    return new String(
        AckBodies.body(wire, AckResponse.nack(BecknError.of(code, message, path))),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The shape of the HTTP layer's refusals: the node's wire, wave 1 when it speaks both (the
   * request was not read, so nothing tells the sender's wire).
   */
  private static WireGeneration onlyWire(NodeConfig config) {
    Set<WireGeneration> wires = Wires.parse(config.wire());
    return wires.size() == 1 ? wires.iterator().next() : WireGeneration.DEG_WAVE1;
  }
}
