package org.uei.p2p.bpp.provider;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.uei.p2p.bpp.wave2.CatalogPublisher;

/**
 * How this seller platform's wave-2 catalog stands at the network's catalog discovery service: the
 * last publish, its delivery, and the service's latest result (a rejection with its reasons).
 */
@Path("/provider/catalog/publication")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {

  @Inject CatalogPublisher publisher;

  /** The publication state; {@code catalogServiceUrl} null when the node publishes nowhere. */
  @GET
  public Map<String, Object> get() {
    return publisher.status();
  }
}
