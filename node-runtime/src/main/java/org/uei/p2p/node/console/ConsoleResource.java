package org.uei.p2p.node.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.uei.p2p.node.audit.AuditLog;

/**
 * The console pages every node has: an overview with the market clock and the last hour of
 * callbacks, the callback outbox with its retry action, the audit log with its verification, and
 * one transaction's messages. Viewers read; only operators act.
 */
@Path("/console")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /** Files under {@code /console/static/}, and their types. */
  private static final Map<String, String> STATIC = Map.of("console.css", "text/css");

  @Inject ConsolePage page;
  @Inject OutboxView outbox;
  @Inject AuditLog audit;
  @Inject AuditCheck auditCheck;
  @Inject TransactionView transactions;

  @Location("console/overview.html")
  Template overview;

  @Location("console/callbacks.html")
  Template callbacks;

  @Location("console/audit.html")
  Template auditPage;

  @Location("console/transaction.html")
  Template transaction;

  /** The overview: market clock, callback counts, the last hour's backlog and latency. */
  @GET
  public TemplateInstance overview() {
    Instant now = Instant.now();
    List<OutboxView.Bucket> hour = outbox.lastHour(now);
    List<String> labels = hour.stream().map(b -> HH_MM.format(b.start())).toList();
    var backlog =
        BarChart.svg(
            "chart-backlog",
            "Callbacks waiting at the end of each five minutes, last hour",
            labels,
            List.of(
                new BarChart.Series(
                    "waiting", hour.stream().map(b -> BigDecimal.valueOf(b.backlog())).toList())));
    var latency =
        BarChart.svg(
            "chart-latency",
            "Average callback delivery latency in milliseconds, last hour",
            labels,
            List.of(
                new BarChart.Series(
                    "latency (ms)",
                    hour.stream()
                        .map(b -> BigDecimal.valueOf(b.averageLatencyMillis()))
                        .toList())));
    return overview
        .data("page", page.frame("Overview", "/console"))
        .data("counts", countsBySlug())
        .data("oldest", outbox.oldestPendingAge(now).toString())
        .data("auditSize", audit.size())
        .data("hour", hour)
        .data("backlogChart", backlog)
        .data("latencyChart", latency);
  }

  /** The callbacks of one kind ({@code pending}, {@code retrying}, {@code refused}, ...). */
  @GET
  @Path("/callbacks")
  public TemplateInstance callbacks(
      @QueryParam("kind") String kind, @QueryParam("retried") Long retried) {
    OutboxView.Kind k = OutboxView.Kind.parse(kind);
    return callbacks
        .data("page", page.frame("Callbacks", "/console/callbacks"))
        .data("kind", k.slug())
        .data("kinds", countsBySlug())
        .data("rows", outbox.list(k))
        .data("retried", retried);
  }

  /** Sends one callback again at once; operators only. */
  @POST
  @Path("/callbacks/{id}/retry")
  @RolesAllowed(ConsoleRoles.OPERATOR)
  public Response retry(@PathParam("id") long id, @QueryParam("kind") String kind) {
    if (!outbox.retry(id, Instant.now())) {
      return Response.status(409)
          .type(MediaType.TEXT_PLAIN)
          .entity(
              "callback "
                  + id
                  + " was not queued again: it does not exist, was delivered, or is being sent")
          .build();
    }
    String back = OutboxView.Kind.parse(kind).slug();
    return Response.seeOther(URI.create("/console/callbacks?kind=" + back + "&retried=" + id))
        .build();
  }

  /** The audit log's size and latest signed tree head. */
  @GET
  @Path("/audit")
  public TemplateInstance audit() {
    return auditPage(null);
  }

  /** Runs the same verification as {@code uei audit verify} and shows its verdict. */
  @POST
  @Path("/audit/verify")
  public TemplateInstance verify() {
    return auditPage(auditCheck.run());
  }

  private TemplateInstance auditPage(AuditCheck.Outcome outcome) {
    var head = audit.currentHead();
    return auditPage
        .data("page", page.frame("Audit log", "/console/audit"))
        .data("size", audit.size())
        .data("headSize", head.treeSize())
        .data("headRoot", head.head().rootHashBase64())
        .data("headTime", head.head().timestamp().toString())
        .data("outcome", outcome);
  }

  /** One transaction's stored messages and callbacks. */
  @GET
  @Path("/transactions/{id}")
  public TemplateInstance transaction(@PathParam("id") String id) {
    return transaction
        .data("page", page.frame("Transaction " + id, ""))
        .data("transactionId", id)
        .data("messages", transactions.messages(id))
        .data("callbacks", outbox.byTransaction(id));
  }

  /** The console's style sheet and script, from the node's own jar. */
  @GET
  @Path("/static/{file}")
  public Response asset(@PathParam("file") String file) throws IOException {
    String type = STATIC.get(file);
    if (type == null) {
      throw new NotFoundException();
    }
    try (InputStream in = ConsoleResource.class.getResourceAsStream("/console-static/" + file)) {
      if (in == null) {
        throw new NotFoundException();
      }
      return Response.ok(in.readAllBytes(), type).build();
    }
  }

  private Map<String, Long> countsBySlug() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    outbox.counts().forEach((k, n) -> out.put(k.slug(), n));
    return out;
  }
}
