package org.uei.p2p.node.inbound;

import org.uei.p2p.node.handler.InboundRejection;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

/**
 * The Beckn endpoints {@code POST /{action}}. Reads the body as raw bytes, because the signature
 * covers those exact bytes, and leaves every decision to the {@link InboundPipeline}.
 */
@Path("/")
public class BecknResource {

  @Inject InboundPipeline pipeline;
  @Inject InboundDispatcher dispatcher;

  /**
   * Longest request URL accepted; the HTTP server lets longer ones through (up to
   * {@code quarkus.http.limits.max-initial-line-length}) so that they get a NACK from here.
   */
  static final int MAX_REQUEST_TARGET = 4096;

  @POST
  @Path("{action: [a-z_]+}")
  public Response receive(@PathParam("action") String actionName, InputStream body, HttpHeaders httpHeaders,
      @Context UriInfo uri) throws IOException {
    if (uri.getRequestUri().toString().length() > MAX_REQUEST_TARGET) {
      return nack(414, AckResponse.nack(BecknError.of(ErrorCode.INVALID_REQUEST, "request target longer than "
          + MAX_REQUEST_TARGET + " characters", "")), Map.of());
    }
    Action action = pipeline.endpoint(actionName).orElse(null);
    if (action == null) {
      return nack(404, AckResponse.nack(BecknError.of(ErrorCode.ACTION_NOT_APPLICABLE,
          "this node does not accept '" + actionName + "'", "context.action")), Map.of());
    }
    byte[] bytes = body.readNBytes(pipeline.readLimit());
    Map<String, String> headers = new HashMap<>();
    httpHeaders.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    InboundExchange exchange = new InboundExchange(action, bytes, headers, Instant.now());
    try {
      pipeline.process(exchange);
    } catch (InboundRejection r) {
      return nack(r.httpStatus(), r.toAck(), r.headers());
    }
    dispatcher.dispatch(InboundPipeline.toMessage(exchange));
    return Response.ok(AckResponse.ack().toWave1Json(), MediaType.APPLICATION_JSON).build();
  }

  private static Response nack(int status, AckResponse nack, Map<String, String> headers) {
    Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(nack.toWave1Json());
    headers.forEach(r::header);
    return r.build();
  }
}
