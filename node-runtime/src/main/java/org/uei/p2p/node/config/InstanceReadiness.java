package org.uei.p2p.node.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A readiness check ({@code instance}, always UP) that says which process answered: the instance id
 * and the operating system's process id. Behind a load balancer it tells the instances apart; a
 * launcher that has just started a node on a port compares the pid with its child's, so that a
 * foreign process already listening on that port is not taken for the new node.
 */
@ApplicationScoped
@Readiness
public class InstanceReadiness implements HealthCheck {

  private final InstanceId instance;

  @Inject
  public InstanceReadiness(InstanceId instance) {
    this.instance = instance;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("instance")
        .up()
        .withData("id", instance.value())
        .withData("pid", ProcessHandle.current().pid())
        .build();
  }
}
