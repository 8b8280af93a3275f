package org.uei.p2p.node.clock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.uei.p2p.node.config.NodeConfig;

/**
 * {@code /testing/market-clock}: reads the node's market time and, only where {@code
 * uei.testing.market-clock-control} is on, sets it ({@code PUT} with {@code
 * {"now":"2026-11-25T04:30:00Z"}}). Elsewhere setting it is a 404, as if it did not exist.
 */
@Path("/testing/market-clock")
@Produces(MediaType.APPLICATION_JSON)
public class MarketClockResource {

  @Inject MarketClock clock;
  @Inject NodeConfig config;

  /** The node's market time and its distance from the system clock. */
  @GET
  public Map<String, Object> get() {
    return Map.of(
        "now",
        clock.now().toString(),
        "offset",
        clock.offset().toString(),
        "controllable",
        config.testing().marketClockControl());
  }

  /** Moves market time. */
  @PUT
  public Map<String, Object> set(Map<String, String> body) {
    if (!config.testing().marketClockControl()) {
      throw new NotFoundException();
    }
    String now = body == null ? null : body.get("now");
    if (now == null) {
      throw bad("a body {\"now\": \"<UTC instant>\"} is required");
    }
    try {
      clock.set(Instant.parse(now));
    } catch (DateTimeParseException e) {
      throw bad("now: '" + now + "' is not a UTC instant like 2026-11-25T04:30:00Z");
    }
    return get();
  }

  private static WebApplicationException bad(String message) {
    return new WebApplicationException(
        Response.status(400)
            .type(MediaType.APPLICATION_JSON)
            .entity(Map.of("error", message))
            .build());
  }
}
