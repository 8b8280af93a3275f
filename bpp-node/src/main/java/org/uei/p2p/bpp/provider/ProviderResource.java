package org.uei.p2p.bpp.provider;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.beckn.Notifications;
import org.uei.p2p.bpp.catalog.CatalogRequests.NewOffer;
import org.uei.p2p.bpp.catalog.CatalogRequests.NewProsumer;
import org.uei.p2p.bpp.catalog.CatalogRequests.OfferChange;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.catalog.DiscoverService;
import org.uei.p2p.bpp.catalog.Prosumer;
import org.uei.p2p.bpp.catalog.SlotOffer;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.ueiv1.UeiV1Reports;
import org.uei.p2p.bpp.wave2.Wave2Seller;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.domain.Refusal;

/**
 * The seller's app talks to its platform here: prosumers, offers per delivery slot, the catalog as
 * buyers see it, orders, and notifications to buyer platforms. Plain JSON, not Beckn; protect it at
 * the network edge (it is meant for the platform operator's own apps).
 */
@Path("/provider")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {

  /**
   * Sends the buyer platform an unsolicited {@code on_status} or {@code on_update} for an order.
   */
  public record Notification(String action) {}

  @Inject CatalogService catalog;
  @Inject DiscoverService discovery;
  @Inject OrderService orders;
  @Inject Notifications notifications;
  @Inject UeiV1Reports ueiV1Reports;
  @Inject Wave2Seller wave2;

  @POST
  @Path("/prosumers")
  public Response register(NewProsumer request) {
    return Response.status(201).entity(catalog.register(request)).build();
  }

  @GET
  @Path("/prosumers")
  public List<Prosumer> prosumers() {
    return catalog.prosumers();
  }

  @POST
  @Path("/offers")
  public Response publish(NewOffer request) {
    return Response.status(201).entity(catalog.publish(request)).build();
  }

  @PUT
  @Path("/offers/{id}")
  public SlotOffer change(@PathParam("id") String id, OfferChange request) {
    return catalog.change(id, request);
  }

  @DELETE
  @Path("/offers/{id}")
  public SlotOffer withdraw(@PathParam("id") String id) {
    return catalog.withdraw(id);
  }

  @GET
  @Path("/offers/{id}")
  public SlotOffer offer(@PathParam("id") String id) {
    return catalog.offer(id).orElseThrow(() -> Refusal.notFound("no offer '" + id + "'"));
  }

  /** The offers buyers can take now, as the wave-1 catalog an unfiltered discover returns. */
  @GET
  @Path("/catalog")
  public CatalogMessage catalog() {
    return discovery.discover(DiscoverFilter.matchAll());
  }

  @GET
  @Path("/orders")
  public List<SellerOrder> orders() {
    return orders.all();
  }

  @GET
  @Path("/orders/{id}")
  public SellerOrder order(@PathParam("id") String id) {
    return orders.find(id).orElseThrow(() -> Refusal.notFound("no order '" + id + "'"));
  }

  /** Sends the buyer platform an unsolicited on_status or on_update with the order's state. */
  @POST
  @Path("/orders/{id}/notify")
  public Map<String, Object> notify(@PathParam("id") String id, Notification request) {
    SellerOrder o = order(id);
    String name = request == null || request.action() == null ? "on_status" : request.action();
    Action action =
        Action.fromWireName(name)
            .filter(a -> a == Action.ON_STATUS || a == Action.ON_UPDATE)
            .orElseThrow(
                () -> Refusal.invalid("action must be on_status or on_update, not '" + name + "'"));
    if (o.wireGeneration() == WireGeneration.UEI_V1) {
      // The buyer platform reads the order's own wire.
      UeiV1Context v1 =
          ueiV1Reports.current(
              o, action == Action.ON_STATUS ? UeiV1Action.ON_STATUS : UeiV1Action.ON_UPDATE);
      return queued(v1.action(), v1.transactionId(), v1.messageId());
    }
    if (o.wireGeneration() == WireGeneration.IES_WAVE2) {
      Wave2Action w2 = action == Action.ON_STATUS ? Wave2Action.ON_STATUS : Wave2Action.ON_UPDATE;
      return queued(w2.wireName(), o.transactionId, wave2.notifyBuyer(o, w2));
    }
    Context sent = notifications.send(o, action);
    return queued(sent.getAction(), sent.getTransactionId(), sent.getMessageId());
  }

  private static Map<String, Object> queued(String action, String transactionId, String messageId) {
    return Map.of(
        "action",
        action,
        "transaction_id",
        transactionId,
        "message_id",
        messageId,
        "queued_at",
        Instant.now().toString());
  }
}
