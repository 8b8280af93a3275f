package org.uei.p2p.bap.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A client-API request that cannot be carried out, with its HTTP status. */
public class ClientException extends RuntimeException {

  private final int status;

  public ClientException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Answers {@code {"error": "..."}} with the exception's status. */
  @Provider
  public static class Mapper implements ExceptionMapper<ClientException> {
    @Override
    public Response toResponse(ClientException e) {
      return Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
  }
}
