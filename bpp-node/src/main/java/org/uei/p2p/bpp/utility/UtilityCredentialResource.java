package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.node.domain.Refusal;

/**
 * The DISCOM operator's view of the credentials its utility node issued: a meter's active
 * credential (what the consumer hands to its seller platform) and its revocation. Utility mode
 * only.
 */
@Path("/utility/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UtilityCredentialResource {

  @Inject BppConfig config;
  @Inject UtilityCredentials issuance;

  /** The meter's active credential, as signed. */
  @GET
  @Path("/{meterId}")
  @Transactional
  public JsonNode active(@PathParam("meterId") String meterId) {
    on();
    return IssuedCredential.active(meterId)
        .map(c -> (JsonNode) Credential.parse(c.credential).json())
        .orElseThrow(() -> Refusal.notFound("no active credential for meter '" + meterId + "'"));
  }

  /** {@code {"reason"}} (optional): revokes the meter's active credential. */
  @POST
  @Path("/{meterId}/revoke")
  public ObjectNode revoke(@PathParam("meterId") String meterId, JsonNode body) {
    on();
    String reason = body == null ? null : body.path("reason").asText(null);
    if (reason != null && reason.length() > 512) {
      throw Refusal.invalid("reason has at most 512 characters");
    }
    IssuedCredential c =
        issuance
            .revoke(meterId, reason)
            .orElseThrow(
                () -> Refusal.notFound("no active credential for meter '" + meterId + "'"));
    ObjectNode n = Credential.MAPPER.createObjectNode();
    n.put("credentialId", "urn:uuid:" + c.id).put("meterId", c.meterId);
    n.put("revokedAt", c.revokedAt.toString());
    if (c.revocationReason != null) {
      n.put("reason", c.revocationReason);
    }
    return n;
  }

  private void on() {
    if (!config.utilityMode() || !issuance.issuing()) {
      throw Refusal.notFound(
          "this node issues no credentials (uei.bpp.mode=utility, uei.bpp.credentials.issue)");
    }
  }
}
