package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.uei.p2p.node.domain.Refusal;

/**
 * Meter data from the DISCOM's MDMS, for the platform operator's integration: JSON readings or the
 * daily batch CSV. The answer is the import report (rows read, added, unchanged, and every rejected
 * row with its reason); good rows land even when others are rejected, and sending the same data
 * again adds nothing.
 */
@Path("/provider/meter-data")
@Produces(MediaType.APPLICATION_JSON)
public class MeterDataResource {

  @Inject MeterDataService meterData;

  /** {@code {"readings":[{"meterId","blockStart","blockMinutes","importKwh","exportKwh"}]}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ObjectNode ingest(InputStream body) {
    try {
      return ImportReports.toJson(meterData.importJson(body));
    } catch (IOException e) {
      // JSON problems in the sender's terms (path, JSON types); the importer's own texts as they
      // are.
      String why = e.getMessage();
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
        var p = org.uei.p2p.model.json.JsonProblems.of(j);
        why = (p.path().isEmpty() ? "" : "at " + p.path() + ": ") + p.message();
      }
      throw Refusal.invalid("unreadable meter data: " + why);
    }
  }

  /**
   * The MDMS batch file, header {@code meter_id,block_start,block_minutes,import_kwh,export_kwh}.
   */
  @POST
  @Path("/csv")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public ObjectNode upload(InputStream body) {
    try {
      return ImportReports.toJson(
          meterData.importCsv(new InputStreamReader(body, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw Refusal.invalid("unreadable meter data file: " + e.getMessage());
    }
  }
}
