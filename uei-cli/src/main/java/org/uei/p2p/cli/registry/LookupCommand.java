package org.uei.p2p.cli.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.DediRegistry;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.KeyResolutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei lookup}: asks a registry for a subscriber's record the way a verifying node would, and
 * prints it as JSON; exits 1 with one line when it is unknown, unusable or the registry fails.
 */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = {
      "Look a subscriber up in a Beckn 1.x registry (POST /lookup) or a DeDi directory (--dedi).",
      "With --key-id: prints the record a verifier would trust; exit 1 when unknown, revoked, not SUBSCRIBED,",
      "expired or the registry is unreachable. Without: prints every usable record matching the filters."
    })
public final class LookupCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "URL",
      description = "The registry's base URL (the part before /lookup).")
  String registryUrl;

  @Option(
      names = "--dedi",
      description = "Use the DeDi lookup: GET {URL}/lookup/{subscriber}/{registry-name}/{key-id}.")
  boolean dedi;

  @Option(
      names = "--registry-name",
      paramLabel = "NAME",
      defaultValue = DediRegistry.DEFAULT_REGISTRY_NAME,
      description = "The DeDi registry name (default: ${DEFAULT-VALUE}).")
  String registryName;

  @Option(
      names = "--network",
      paramLabel = "ID",
      description =
          "With --dedi: accept only records that are members of this network (repeatable).")
  java.util.Set<String> networks = new java.util.LinkedHashSet<>();

  @Option(names = "--subscriber-id", paramLabel = "S", description = "The subscriber id.")
  String subscriberId;

  @Option(
      names = "--key-id",
      paramLabel = "K",
      description = "The unique key id the subscriber signs with.")
  String keyId;

  @Option(names = "--domain", paramLabel = "D", description = "Only records of this domain.")
  String domain;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Only records of this role: BAP, BPP or BG.")
  String type;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "How long the registry may take (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Override
  public Integer call() throws KeyResolutionException, RegistryException, JsonProcessingException {
    CommandLine cmd = spec.commandLine();
    if (subscriberId == null && domain == null && type == null) {
      throw new CommandLine.ParameterException(
          cmd, "give --subscriber-id, or --domain and/or --type");
    }
    if (keyId != null && subscriberId == null) {
      throw new CommandLine.ParameterException(cmd, "--key-id needs --subscriber-id");
    }
    SubscriberType role;
    try {
      role = type == null ? null : SubscriberType.parse(type);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--type: " + e.getMessage());
    }
    if (!networks.isEmpty() && !dedi) {
      throw new CommandLine.ParameterException(
          cmd, "--network applies to DeDi lookups only (add --dedi)");
    }
    if (timeoutMs <= 0) {
      throw new CommandLine.ParameterException(cmd, "--timeout-ms must be positive");
    }
    Registry registry = registry(Duration.ofMillis(timeoutMs));
    var json = SubscriberJson.MAPPER.writerWithDefaultPrettyPrinter();
    if (keyId != null && domain == null && role == null) {
      Subscriber s = RegistryKeyResolver.of(registry).resolveSubscriber(subscriberId, keyId);
      cmd.getOut().println(json.writeValueAsString(SubscriberJson.write(s)));
      return 0;
    }
    LookupQuery query = new LookupQuery(subscriberId, keyId, role, domain, null, null);
    List<Subscriber> all = registry.lookup(query);
    Instant now = Instant.now();
    List<Subscriber> usable = all.stream().filter(s -> s.unusableReason(now).isEmpty()).toList();
    if (usable.isEmpty()) {
      throw new IllegalStateException(
          all.isEmpty()
              ? "registry " + registry.name() + " has no subscriber matching " + query.describe()
              : "registry "
                  + registry.name()
                  + ": "
                  + all.get(0).unusableReason(now).orElseThrow());
    }
    cmd.getOut().println(json.writeValueAsString(SubscriberJson.writeList(usable)));
    return 0;
  }

  private Registry registry(Duration timeout) {
    try {
      return dedi
          ? DediRegistry.builder(registryUrl)
              .registryName(registryName)
              .allowedNetworks(networks)
              .timeout(timeout)
              .build()
          : BecknRegistry.builder(registryUrl).timeout(timeout).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--registry: " + e.getMessage());
    }
  }
}
