package org.uei.p2p.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.uei.p2p.credentials.CredentialIssuer;
import org.uei.p2p.credentials.ElectricityCredentials;
import org.uei.p2p.credentials.did.DidJwk;
import org.uei.p2p.credentials.did.DidKey;
import org.uei.p2p.credentials.did.DidWebResolver;
import org.uei.p2p.credentials.model.CredentialFormatException;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei credential issue}: signs an ElectricityCredential (or a whole unsigned credential).
 */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a credential signed with the issuer's Ed25519 key and print it (or write --out).",
      "--subject is the credentialSubject of an ElectricityCredential v1.2, or a whole unsigned credential",
      "(a JSON object with @context). Exit 2 when an input is unusable or the credential is not valid."
    })
public final class CredentialIssueCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "FILE",
      description = "The issuer's Ed25519 private key: uei keygen JSON, a private JWK, or base64.")
  String keyFile;

  @Option(
      names = "--issuer",
      required = true,
      paramLabel = "DID",
      description =
          "The issuer's DID: did:key / did:jwk of the key, or did:web:HOST (key published there or in the registry).")
  String issuer;

  @Option(
      names = "--key-id",
      paramLabel = "ID",
      defaultValue = "key-1",
      description =
          "The key's fragment in a did:web DID document or its registry key id (default: ${DEFAULT-VALUE}).")
  String keyId;

  @Option(
      names = "--subject",
      required = true,
      paramLabel = "FILE",
      description = "The credentialSubject JSON, or a whole unsigned credential.")
  String subjectFile;

  @Option(
      names = "--format",
      defaultValue = "di",
      paramLabel = "di|jwt",
      description = "di: embedded Data Integrity proof; jwt: VC-JWT (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--suite",
      defaultValue = "Ed25519Signature2020",
      paramLabel = "SUITE",
      description =
          "Data Integrity suite: Ed25519Signature2020 or eddsa-rdfc-2022 (default: ${DEFAULT-VALUE}).")
  String suite;

  @Option(
      names = "--issuer-name",
      defaultValue = "DISCOM",
      paramLabel = "NAME",
      description = "The issuer's name (default: ${DEFAULT-VALUE}).")
  String issuerName;

  @Option(
      names = "--valid-days",
      defaultValue = "365",
      paramLabel = "N",
      description = "Days of validity from now (default: ${DEFAULT-VALUE}).")
  long validDays;

  @Option(
      names = "--status-registry",
      paramLabel = "URL",
      description =
          "DeDi registry (e.g. the local registry) where revocations are published; adds a dediregistry status.")
  String statusRegistry;

  @Option(
      names = "--status-namespace",
      paramLabel = "NS",
      description = "The issuer's namespace there (default: the DID's host).")
  String statusNamespace;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the credential here instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    Ed25519KeyPair key = CliFiles.key(cmd, keyFile);
    String vm = verificationMethod(cmd, key);
    JsonNode input = CliFiles.json(cmd, "--subject", subjectFile);
    if (!input.isObject()) {
      throw new CommandLine.ParameterException(
          cmd, "--subject: " + subjectFile + " is not a JSON object");
    }
    ObjectNode unsigned;
    if (input.has("@context")) {
      unsigned = (ObjectNode) input;
    } else {
      String ns =
          statusNamespace != null
              ? statusNamespace
              : issuer.replaceFirst("^did:[a-z]+:", "").replaceAll("[:/#?]", "_");
      Instant now = Instant.now();
      unsigned =
          new ElectricityCredentials(
                  issuer, issuerName, now, now.plus(Duration.ofDays(validDays)), statusRegistry, ns)
              .unsigned(input);
    }
    CredentialIssuer credentialIssuer = CredentialIssuer.of(key, vm);
    String result;
    try {
      result =
          switch (format) {
            case "di" -> credentialIssuer.issue(unsigned, suite()).toPrettyJson();
            case "jwt" -> credentialIssuer.issueJwt(unsigned);
            default ->
                throw new CommandLine.ParameterException(
                    cmd, "--format must be di or jwt, not '" + format + "'");
          };
    } catch (CredentialFormatException e) {
      throw new CommandLine.ParameterException(cmd, "cannot issue: " + e.getMessage());
    }
    if (out != null) {
      Files.writeString(out, result + "\n");
      cmd.getOut().println("wrote " + out + " (" + format + ", signed by " + vm + ")");
    } else {
      cmd.getOut().println(result);
    }
    cmd.getOut().flush();
    return 0;
  }

  private ProofSuite suite() {
    for (ProofSuite s : ProofSuite.values()) {
      if (suite.equals(s.proofType()) || suite.equals(s.cryptosuite())) {
        return s;
      }
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "--suite must be Ed25519Signature2020 or eddsa-rdfc-2022");
  }

  /**
   * The DID URL naming the key: did:key and did:jwk must be the key's own; did:web takes --key-id.
   */
  private String verificationMethod(CommandLine cmd, Ed25519KeyPair key) {
    if (issuer.startsWith(DidKey.PREFIX)) {
      if (!issuer.equals(DidKey.of(key.publicKey()))) {
        throw new CommandLine.ParameterException(
            cmd,
            "--issuer "
                + issuer
                + " is not the did:key of --key ("
                + DidKey.of(key.publicKey())
                + ")");
      }
      return DidKey.verificationMethod(key.publicKey());
    }
    if (issuer.startsWith(DidJwk.PREFIX)) {
      if (!issuer.equals(DidJwk.of(key.publicKey()))) {
        throw new CommandLine.ParameterException(
            cmd, "--issuer is not the did:jwk of --key (" + DidJwk.of(key.publicKey()) + ")");
      }
      return DidJwk.verificationMethod(key.publicKey());
    }
    if (issuer.startsWith(DidWebResolver.PREFIX) && !issuer.contains("#")) {
      return issuer + "#" + keyId;
    }
    throw new CommandLine.ParameterException(
        cmd, "--issuer must be a did:key, did:jwk or did:web DID (without #fragment)");
  }
}
