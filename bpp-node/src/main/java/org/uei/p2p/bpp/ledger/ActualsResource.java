package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.uei.p2p.node.domain.Refusal;

/**
 * The ledger operator's call to ask for a delivery day's meter actuals now, outside the daily run.
 * It lives with the other operator APIs under {@code /provider}, protected at the network edge like
 * them; {@code /ledger/*} is the Beckn-signed API the network calls.
 */
@Path("/provider/ledger/actuals")
public class ActualsResource {

  @Inject LedgerActuals actuals;

  /** {@code {"day": "YYYY-MM-DD"}}: the delivery day (IST). */
  @POST
  @Path("/requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public LedgerActuals.Result request(JsonNode body) {
    JsonNode day = body == null ? null : body.get("day");
    if (day == null || !day.isTextual()) {
      throw Refusal.invalid("day is required: a delivery day as YYYY-MM-DD");
    }
    try {
      return actuals.request(LocalDate.parse(day.asText()));
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("day '" + day.asText() + "' is not a date (YYYY-MM-DD)");
    }
  }
}
