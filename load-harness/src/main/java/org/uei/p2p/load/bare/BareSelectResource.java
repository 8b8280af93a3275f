package org.uei.p2p.load.bare;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bare limit the bpp-node is measured against: {@code POST /select} on the same framework and
 * HTTP stack (Quarkus REST on Vert.x, a blocking resource method reading the body as a stream on a
 * worker thread, as the node's Beckn resource does), with no work between reading the body and
 * answering the wave-1 ACK.
 */
@Path("/")
public class BareSelectResource {

  private static final byte[] ACK =
      "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);

  @POST
  @Path("select")
  public Response select(InputStream body) throws IOException {
    body.readAllBytes();
    return Response.ok(ACK, MediaType.APPLICATION_JSON).build();
  }
}
