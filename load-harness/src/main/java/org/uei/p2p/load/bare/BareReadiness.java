package org.uei.p2p.load.bare;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The bare endpoint's process id in its readiness answer, as the nodes report theirs, so that the
 * launcher knows the answer came from the process it started and not from another on the port.
 */
@ApplicationScoped
@Readiness
public class BareReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("instance")
        .up()
        .withData("pid", ProcessHandle.current().pid())
        .build();
  }
}
