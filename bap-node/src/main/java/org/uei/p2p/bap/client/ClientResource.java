package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.node.domain.Refusal;

/**
 * The buyer app's API. Every request runs in sync mode by default (answers with the callbacks that
 * arrived within the ttl) or with {@code ?mode=async} (answers 202 with the ids at once; the result
 * is pushed to the webhook and readable at {@code /client/requests/{messageId}}).
 */
@Path("/client")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

  @Inject ClientService client;
  @Inject ClientResults results;

  @POST
  @Path("/discover")
  public Response discover(
      @QueryParam("mode") @DefaultValue("sync") String mode, ClientCommands.Discover cmd)
      throws InterruptedException {
    checkMode(mode);
    return answer(mode, client.discover(cmd));
  }

  @POST
  @Path("/{action: select|init|confirm|status|update|cancel}")
  public Response order(
      @PathParam("action") String action,
      @QueryParam("mode") @DefaultValue("sync") String mode,
      ClientCommands.Order cmd)
      throws InterruptedException {
    checkMode(mode);
    Action a = Action.fromWireName(action).orElseThrow();
    return answer(mode, client.order(a, cmd));
  }

  @GET
  @Path("/requests/{messageId}")
  public ObjectNode request(@PathParam("messageId") String messageId) {
    ObjectNode r = results.ofRequest(messageId);
    if (r == null) {
      throw Refusal.notFound("no request '" + messageId + "'");
    }
    return r;
  }

  @GET
  @Path("/transactions/{transactionId}")
  public ObjectNode transaction(@PathParam("transactionId") String transactionId) {
    ObjectNode r = results.ofTransaction(transactionId);
    if (r == null) {
      throw Refusal.notFound("no transaction '" + transactionId + "'");
    }
    return r;
  }

  private Response answer(String mode, ClientService.Sent sent) throws InterruptedException {
    if ("async".equalsIgnoreCase(mode)) {
      return Response.accepted(
              Map.of(
                  "messageId",
                  sent.messageId(),
                  "transactionId",
                  sent.transactionId(),
                  "result",
                  "/client/requests/" + sent.messageId()))
          .build();
    }
    return Response.ok(client.await(sent)).build();
  }

  private static void checkMode(String mode) {
    if (!"sync".equalsIgnoreCase(mode) && !"async".equalsIgnoreCase(mode)) {
      throw Refusal.invalid("mode must be sync or async, not '" + mode + "'");
    }
  }
}
