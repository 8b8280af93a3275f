package org.uei.p2p.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.CredentialFormatException;
import org.uei.p2p.credentials.proof.VcJwt;
import org.uei.p2p.credentials.status.RevocationPublisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code uei credential revoke}: publishes a revocation record in the local registry's DeDi
 * revocation registry.
 */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revoke a credential in a local registry (uei registry serve): publishes the DeDi record its",
      "dediregistry status points at, so that verifiers refuse it as REVOKED. Give the credential FILE, or",
      "--namespace and --record. Exit 1 when the registry refuses, 2 on usage or setup errors."
    })
public final class CredentialRevokeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--registry",
      required = true,
      paramLabel = "URL",
      description = "The local registry's base URL.")
  String registry;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "The credential to revoke (JSON or VC-JWT).")
  String file;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "The issuer's namespace (instead of FILE).")
  String namespace;

  @Option(
      names = "--record",
      paramLabel = "ID",
      description = "The record id, the credential's uuid (instead of FILE).")
  String record;

  @Option(
      names = "--registry-name",
      paramLabel = "NAME",
      defaultValue = "vc-revocation-registry",
      description = "The revocation registry's name (default: ${DEFAULT-VALUE}).")
  String registryName;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, as verifiers will show it.")
  String reason;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    if (file != null) {
      fromCredential(cmd, CliFiles.text(cmd, file));
    }
    if (namespace == null || record == null) {
      throw new CommandLine.ParameterException(
          cmd, "give the credential FILE, or both --namespace and --record");
    }
    try {
      RevocationPublisher.to(registry).revoke(namespace, registryName, record, reason);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--registry: " + e.getMessage());
    } catch (RevocationPublisher.PublishException e) {
      if (e.getCause() != null) {
        throw new CommandLine.ParameterException(cmd, e.getMessage());
      }
      cmd.getErr().println("uei: " + e.getMessage());
      cmd.getErr().flush();
      return 1;
    }
    cmd.getOut()
        .println("revoked: " + namespace + "/" + registryName + "/" + record + " in " + registry);
    cmd.getOut().flush();
    return 0;
  }

  /** Takes namespace, registry name and record from the credential's dediregistry status id. */
  private void fromCredential(CommandLine cmd, String text) {
    JsonNode status;
    try {
      ObjectNode json =
          VcJwt.looksLikeJwt(text) ? VcJwt.parse(text).credential() : Credential.parse(text).json();
      status = json.path("credentialStatus");
    } catch (CredentialFormatException | java.text.ParseException e) {
      throw new CommandLine.ParameterException(
          cmd, file + " is not a credential: " + e.getMessage());
    }
    String id = status.path("id").asText("");
    int at = id.indexOf("/lookup/");
    String[] parts = at < 0 ? new String[0] : id.substring(at + 8).split("/");
    if (!"dediregistry".equals(status.path("type").asText()) || parts.length != 3) {
      throw new CommandLine.ParameterException(
          cmd,
          file
              + " has no dediregistry status with a .../lookup/{namespace}/{registry}/{record} id");
    }
    namespace = namespace != null ? namespace : parts[0];
    registryName = parts[1];
    record = record != null ? record : parts[2];
  }
}
