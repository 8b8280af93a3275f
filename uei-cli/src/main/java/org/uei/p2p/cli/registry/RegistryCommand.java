package org.uei.p2p.cli.registry;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.uei.p2p.registry.local.LocalRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uei registry}: runs the local registry for development networks. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Run a local Beckn registry for development networks and conformance runs.",
    subcommands = {RegistryCommand.Serve.class})
public final class RegistryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code uei registry serve}: serves until the process is stopped. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Serve POST /lookup, GET /lookup/{id}/subscribers.beckn.one/{key}, POST /subscribe,",
        "loopback-only POST /admin/subscribers and POST /admin/revoke, and GET /info, until stopped."
      })
  public static final class Serve implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--port",
        paramLabel = "N",
        defaultValue = "8090",
        description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(
        names = "--host",
        paramLabel = "HOST",
        defaultValue = "127.0.0.1",
        description = "The interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description =
            "Where records and the registry key persist across restarts (default: memory only).")
    Path dataDir;

    @Option(
        names = "--file",
        paramLabel = "SUBSCRIBERS.json",
        description = "Subscribers loaded at start (a JSON array of subscription records).")
    Path file;

    @Override
    public Integer call() throws InterruptedException {
      if (port < 0 || port > 65535) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
      }
      LocalRegistry registry =
          LocalRegistry.builder().host(host).port(port).dataDir(dataDir).seedFile(file).start();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    registry.close();
                    stopped.countDown();
                  },
                  "registry-shutdown"));
      var out = spec.commandLine().getOut();
      out.println(
          "local registry listening on "
              + registry.baseUrl()
              + " ("
              + registry.size()
              + " subscribers, "
              + (dataDir == null ? "in memory" : "data in " + dataDir)
              + ")");
      out.println("encr_public_key: " + registry.encryptionPublicKey());
      out.println(
          "signs on_subscribe as: "
              + registry.registryId()
              + "|"
              + LocalRegistry.SIGNING_KEY_ID
              + "|ed25519 with signing_public_key "
              + registry.signingPublicKey());
      out.flush();
      stopped.await();
      return 0;
    }
  }
}
