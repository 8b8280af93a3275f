package org.uei.p2p.bpp.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * The meter data imports page, on a seller platform and on a utility node alike (both import their
 * DISCOM's MDMS files): the batch files taken from the drop directory with their rejection reports.
 */
@Path("/console/meter-data")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class MeterDataConsoleResource {

  @Inject ConsolePage page;
  @Inject MeterImports imports;

  @Location("seller/imports.html")
  Template importsPage;

  /** The newest imported files, with their rejections. */
  @GET
  public TemplateInstance imports() throws IOException {
    return importsPage
        .data("page", page.frame("Meter data imports", "/console/meter-data"))
        .data("imports", imports.list());
  }
}
