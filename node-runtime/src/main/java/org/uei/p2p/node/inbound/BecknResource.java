package org.uei.p2p.node.inbound;

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
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.AckBodies;

/**
 * The Beckn endpoints {@code POST /{action}} of both wires, including wave 2's two-segment {@code
 * POST /catalog/publish} and {@code /catalog/on_publish}. Reads the body as raw bytes, because the
 * signature covers those exact bytes, and leaves every decision to the {@link InboundPipeline}.
 * Answers in the shape of the sender's wire ({@link AckBodies}).
 */
@Path("/")
public class BecknResource {

  @Inject InboundPipeline pipeline;
  @Inject InboundDispatcher dispatcher;

  /**
   * Longest request URL accepted; the HTTP server lets longer ones through (up to {@code
   * quarkus.http.limits.max-initial-line-length}) so that they get a NACK from here.
   */
  static final int MAX_REQUEST_TARGET = 4096;

  @POST
  @Path("{action: [a-z_]+}")
  public Response receive(
      @PathParam("action") String actionName,
      InputStream body,
      HttpHeaders httpHeaders,
      @Context UriInfo uri)
      throws IOException {
    return handle(actionName, body, httpHeaders, uri);
  }

  /** Wave 2's actions of a group, e.g. {@code catalog/publish}. */
  @POST
  @Path("{group: [a-z_]+}/{action: [a-z_]+}")
  public Response receiveGrouped(
      @PathParam("group") String group,
      @PathParam("action") String actionName,
      InputStream body,
      HttpHeaders httpHeaders,
      @Context UriInfo uri)
      throws IOException {
    return handle(group + "/" + actionName, body, httpHeaders, uri);
  }

  private Response handle(String actionName, InputStream body, HttpHeaders httpHeaders, UriInfo uri)
      throws IOException {
    if (uri.getRequestUri().toString().length() > MAX_REQUEST_TARGET) {
      return nack(
          AckBodies.guess(pipeline.wires(), actionName, null),
          414,
          AckResponse.nack(
              BecknError.of(
                  ErrorCode.INVALID_REQUEST,
                  "request target longer than " + MAX_REQUEST_TARGET + " characters",
                  "")),
          Map.of());
    }
    if (!pipeline.accepts(actionName)) {
      return nack(
          AckBodies.guess(pipeline.wires(), actionName, null),
          404,
          AckResponse.nack(
              BecknError.of(
                  ErrorCode.ACTION_NOT_APPLICABLE,
                  "this node does not accept '" + actionName + "'",
                  "context.action")),
          Map.of());
    }
    byte[] bytes = body.readNBytes(pipeline.readLimit());
    Map<String, String> headers = new HashMap<>();
    httpHeaders.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    InboundExchange exchange = new InboundExchange(actionName, bytes, headers, Instant.now());
    try {
      pipeline.process(exchange);
    } catch (InboundRejection r) {
      WireGeneration wire =
          exchange.wire() != null
              ? exchange.wire()
              : AckBodies.guess(pipeline.wires(), actionName, bytes);
      return nack(wire, r.httpStatus(), r.toAck(), r.headers());
    }
    dispatcher.dispatch(InboundPipeline.toMessage(exchange));
    return Response.ok(AckBodies.ack(exchange.wire()), MediaType.APPLICATION_JSON).build();
  }

  private static Response nack(
      WireGeneration wire, int status, AckResponse nack, Map<String, String> headers) {
    Response.ResponseBuilder r =
        Response.status(status).type(MediaType.APPLICATION_JSON).entity(AckBodies.body(wire, nack));
    headers.forEach(r::header);
    return r.build();
  }
}
