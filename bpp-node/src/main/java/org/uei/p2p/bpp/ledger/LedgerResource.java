package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerException;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonProblems;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * The DEG Ledger Service API v0.4.0: {@code POST /ledger/put}, {@code /ledger/record}, {@code
 * /ledger/get} and {@code /ledger/allocate}, Beckn-signed. The body is read as bytes so the
 * signature is checked over exactly what was sent, then parsed with the wire JSON rules. Refusals
 * are the spec's {@code error}: {@code {"code", "message", "details": {"field"}}}.
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {
  private static final Logger LOG = Logger.getLogger(LedgerResource.class);

  @Inject LedgerService service;
  @Inject LedgerAuth auth;
  @Inject NodeConfig nodeConfig;
  @Inject NodeIdentity identity;

  /** The headers that authenticate a ledger call; the body is read separately, as bytes. */
  public static final class Signed {
    @HeaderParam("Authorization")
    String authorization;

    @HeaderParam("Digest")
    String digest;
  }

  @POST
  @Path("/put")
  public Response put(@BeanParam Signed call, InputStream body) {
    return handle(
        call, body, (c, json) -> LedgerJson.write(service.put(c, LedgerRequests.put(json))));
  }

  @POST
  @Path("/record")
  public Response record(@BeanParam Signed call, InputStream body) {
    return handle(
        call, body, (c, json) -> LedgerJson.write(service.record(c, LedgerRequests.record(json))));
  }

  @POST
  @Path("/get")
  public Response get(@BeanParam Signed call, InputStream body) {
    return handle(
        call, body, (c, json) -> LedgerJson.records(service.get(c, LedgerRequests.get(json))));
  }

  @POST
  @Path("/allocate")
  public Response allocate(@BeanParam Signed call, InputStream body) {
    return handle(
        call,
        body,
        (c, json) -> LedgerJson.allocation(service.allocate(c, LedgerRequests.allocate(json))));
  }

  private Response handle(
      Signed call, InputStream in, BiFunction<LedgerCaller, JsonNode, ObjectNode> work) {
    if (!service.enabled()) {
      return error(
          404,
          Code.PRC_NOT_FOUND.name(),
          "this node is not a ledger provider (uei.bpp.ledger.enabled)",
          "");
    }
    try {
      byte[] body = read(in, nodeConfig.maxBodyBytes());
      if (body == null) {
        return error(
            413,
            Code.SCH_FIELD_NOT_ALLOWED.name(),
            "the request body is larger than " + nodeConfig.maxBodyBytes() + " bytes",
            "");
      }
      LedgerCaller caller = auth.caller(call.authorization, call.digest, body);
      JsonNode json;
      try {
        json = BecknJson.readTree(body);
      } catch (IOException e) {
        JsonProblems.Problem p = JsonProblems.of(e);
        return error(400, Code.SCH_FIELD_NOT_ALLOWED.name(), p.message(), p.path());
      }
      return Response.ok(work.apply(caller, json)).build();
    } catch (LedgerAuth.Refused e) {
      Response.ResponseBuilder r =
          Response.status(e.unavailable ? 503 : 401)
              .type(MediaType.APPLICATION_JSON)
              .entity(body(e.code().name(), e.getMessage(), ""));
      return r.header(
              SignatureHeaders.WWW_AUTHENTICATE,
              SignatureHeaders.wwwAuthenticate(identity.subscriberId()))
          .build();
    } catch (LedgerException e) {
      return error(e.code().status(), e.code().name(), e.getMessage(), e.field());
    } catch (IllegalStateException e) {
      // Missing configuration: the operator's message, said to the caller as the server's fault.
      LOG.error("ledger request failed", e);
      return error(500, Code.SRV_INTERNAL_ERROR.name(), e.getMessage(), "");
    } catch (IOException | RuntimeException e) {
      LOG.error("ledger request failed", e);
      return error(
          500,
          Code.SRV_INTERNAL_ERROR.name(),
          "the ledger could not process the request; see its log",
          "");
    }
  }

  /** The body, or null when it is longer than {@code max} bytes (read no further than that). */
  private static byte[] read(InputStream in, int max) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    byte[] bytes = in.readNBytes(max + 1);
    return bytes.length > max ? null : bytes;
  }

  private static Response error(int status, String code, String message, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(body(code, message, field))
        .build();
  }

  private static ObjectNode body(String code, String message, String field) {
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
    if (field != null && !field.isEmpty()) {
      n.putObject("details").put("field", field);
    }
    return n;
  }
}
