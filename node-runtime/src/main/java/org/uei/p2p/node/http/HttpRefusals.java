package org.uei.p2p.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.json.JsonProblems;

/**
 * Shapes the HTTP stack's own refusals. On Beckn paths ({@link BecknPaths}) a wrong method, an
 * unknown path or media type gets the same status with a NACK body (code 30000 or 40001), so a
 * Beckn sender always reads a Beckn answer. On the node's JSON APIs, a body that is not JSON of
 * the right shape gets 400 with {@code {"error", "path"}} in JSON terms, never Jackson's text
 * with this project's class names.
 */
@ApplicationScoped
public class HttpRefusals {

  /** Paths no resource serves: a NACK on Beckn paths, the usual 404 elsewhere. */
  void unmatched(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 10_000).handler(ctx -> {
      if (!BecknPaths.isBecknPath(ctx.normalizedPath())) {
        ctx.next();
        return;
      }
      ctx.response().setStatusCode(404).putHeader("Content-Type", MediaType.APPLICATION_JSON)
          .end(nackJson(ErrorCode.ACTION_NOT_APPLICABLE, "no Beckn endpoint at this path; post to /{action}",
              "context.action"));
    });
  }

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
    String why = switch (status) {
      case 405 -> "a Beckn endpoint only takes POST";
      case 404 -> "no Beckn endpoint at this path; post to /{action}";
      case 415 -> "a Beckn message is sent as application/json";
      case 406 -> "a Beckn endpoint answers application/json";
      default -> "refused by the HTTP layer (" + status + ")";
    };
    ErrorCode code = status == 404 || status == 405 ? ErrorCode.ACTION_NOT_APPLICABLE : ErrorCode.INVALID_REQUEST;
    Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(nackJson(code, why, status == 404 || status == 405 ? "context.action" : ""));
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
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
    return new String(AckResponse.nack(BecknError.of(code, message, path)).toWave1Json(),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
