package org.uei.p2p.node.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.uei.p2p.node.domain.Refusal;

/**
 * Answers a {@link Refusal} on either node's JSON APIs: a status for its kind and {@code
 * {"error"}}.
 */
public class ApiErrors {

  @ServerExceptionMapper
  public Response refusal(Refusal e) {
    int status =
        switch (e.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case UPSTREAM -> 502;
        };
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", e.getMessage()))
        .build();
  }
}
