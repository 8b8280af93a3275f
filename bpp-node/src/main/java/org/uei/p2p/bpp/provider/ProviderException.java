package org.uei.p2p.bpp.provider;

/** A provider-API request that cannot be carried out, with the HTTP status to answer. */
public class ProviderException extends RuntimeException {

  private final int status;

  public ProviderException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ProviderException badRequest(String message) {
    return new ProviderException(400, message);
  }

  public static ProviderException notFound(String message) {
    return new ProviderException(404, message);
  }

  public static ProviderException conflict(String message) {
    return new ProviderException(409, message);
  }
}
