package org.uei.p2p.node.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This instance's name among the instances of one node on one database: {@code uei.instance-id}, or
 * the host name and process id. It is recorded with every callback this instance claims and as the
 * holder of the singleton jobs' lease.
 */
@ApplicationScoped
public class InstanceId {

  /** The longest instance id: the width of the columns that record it. */
  public static final int MAX_LENGTH = 64;

  private final String value;

  @Inject
  public InstanceId(NodeConfig config) {
    this(config.instanceId().orElseGet(InstanceId::hostAndPid));
  }

  InstanceId(String value) {
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalStateException(
          "uei.instance-id (UEI_INSTANCE_ID) must have 1 to "
              + MAX_LENGTH
              + " characters, not "
              + value.length());
    }
    this.value = value;
  }

  /** The id. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@code host-pid}, the host name cut so that the whole fits. */
  static String hostAndPid() {
    String pid = "-" + ProcessHandle.current().pid();
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    if (host.length() + pid.length() > MAX_LENGTH) {
      host = host.substring(0, MAX_LENGTH - pid.length());
    }
    return host + pid;
  }
}
