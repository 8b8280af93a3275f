package org.uei.p2p.node.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a URL must keep before this node will ever send to it: absolute {@code http} or {@code
 * https}, a host name, no user info or fragment, at most a configured length. And the one
 * comparison the node makes between a URL a sender wrote and the one its registry record holds.
 */
public final class ReceiverUrls {

  private ReceiverUrls() {}

  /** Why {@code url} is no address to send to, or empty when it is one. */
  public static Optional<String> problem(String url, int maxLength) {
    if (url == null || url.isBlank()) {
      return Optional.of("is missing");
    }
    if (url.length() > maxLength) {
      return Optional.of(
          "is " + url.length() + " characters long; at most " + maxLength + " are accepted");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user information");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not carry a fragment");
    }
    return Optional.empty();
  }

  /**
   * True when {@code a} and {@code b} name the same endpoint: scheme and host compared without
   * case, a default port the same as none, and a trailing slash ignored.
   */
  public static boolean sameEndpoint(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    try {
      return normal(new URI(a.trim())).equals(normal(new URI(b.trim())));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String normal(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
    return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path + query;
  }
}
