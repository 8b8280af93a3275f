package org.uei.p2p.bpp.provider;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Answers provider-API errors as {@code {"error": "..."}} with their status. */
@Provider
public class ProviderExceptionMapper implements ExceptionMapper<ProviderException> {

  @Override
  public Response toResponse(ProviderException e) {
    return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
  }
}
