package org.uei.p2p.node.console;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in front of every {@code /console} path, before authentication: a 404 while the console is
 * off, and while it is on, headers that keep its pages out of frames and caches, and a refusal of
 * any form posted from another site (a browser sends Basic credentials along with such a post).
 * Also refuses to start a node whose console is on without a usable user.
 */
@ApplicationScoped
public class ConsoleGate {

  @Inject ConsoleConfig config;

  void route(@Observes Router router) {
    router.route("/console").order(-1000).handler(this::gate);
    router.route("/console/*").order(-1000).handler(this::gate);
  }

  void check(@Observes StartupEvent event) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "uei.console.enabled=true, but " + String.join("; ", problems));
    }
  }

  /** What keeps the configured console from starting; empty when it is off or usable. */
  static List<String> problems(ConsoleConfig config) {
    List<String> problems = new ArrayList<>();
    if (!config.enabled()) {
      return problems;
    }
    if (config.users().isEmpty()) {
      problems.add("no user is configured (uei.console.users.<name>.password-hash and .role)");
    }
    for (Map.Entry<String, ConsoleConfig.User> u : config.users().entrySet()) {
      if (!PasswordHashes.isBcrypt(u.getValue().passwordHash())) {
        problems.add(
            "uei.console.users." + u.getKey() + ".password-hash is not a bcrypt hash ($2b$...)");
      }
      try {
        ConsoleRoles.of(u.getValue().role());
      } catch (IllegalArgumentException e) {
        problems.add("uei.console.users." + u.getKey() + ".role: " + e.getMessage());
      }
    }
    return problems;
  }

  private void gate(RoutingContext ctx) {
    if (!config.enabled()) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    var headers = ctx.response().headers();
    headers.set("Cache-Control", "no-store");
    headers.set("X-Frame-Options", "DENY");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "same-origin");
    headers.set(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; form-action 'self'");
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD && !sameOrigin(ctx)) {
      ctx.response().setStatusCode(403).end("cross-site form posts are refused");
      return;
    }
    ctx.next();
  }

  private static boolean sameOrigin(RoutingContext ctx) {
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      return origin == null;
    }
    String host = ctx.request().getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
