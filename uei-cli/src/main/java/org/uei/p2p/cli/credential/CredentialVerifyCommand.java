package org.uei.p2p.cli.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.uei.p2p.credentials.CredentialVerifier;
import org.uei.p2p.credentials.TrustedIssuers;
import org.uei.p2p.credentials.did.DidResolver;
import org.uei.p2p.credentials.did.DidResolvers;
import org.uei.p2p.credentials.did.DidWebResolver;
import org.uei.p2p.credentials.did.RegistryDidResolver;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uei credential verify}: proof, issuer, validity and revocation of one credential. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a credential (JSON with a Data Integrity proof, or a VC-JWT): proof, issuer, validity, status.",
      "Exit 0 and 'valid: ...' when it holds; exit 1 with one line per problem on stderr",
      "(REASON at JSON-PATH: message; reasons MALFORMED, BAD_PROOF, TAMPERED, ISSUER_MISMATCH, UNKNOWN_ISSUER,",
      "WRONG_ISSUER_TYPE, UNSUPPORTED_SUITE, NOT_YET_VALID, EXPIRED, REVOKED, SUSPENDED, STATUS_UNAVAILABLE)."
    })
public final class CredentialVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The credential ('-' for stdin).")
  String file;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description =
          "DeDi registry to check dediregistry revocation in, instead of the URL the credential names.")
  String registry;

  @Option(
      names = "--key-registry",
      paramLabel = "URL",
      description =
          "Resolve did:web:SUBSCRIBER#KEY issuers from this Beckn registry instead of fetching did.json.")
  String keyRegistry;

  @Option(
      names = "--allow-http-did-web",
      description = "Fetch did:web documents of loopback hosts over plain HTTP (local networks).")
  boolean httpDidWeb;

  @Option(
      names = "--trusted-issuer",
      paramLabel = "DID=ROLE",
      description =
          "Trust only these issuers (repeatable); an ElectricityCredential needs ROLE DISCOM.")
  Map<String, String> trustedIssuers = new HashMap<>();

  @Option(
      names = "--no-status",
      description = "Do not check revocation (offline integrity check only).")
  boolean noStatus;

  @Option(
      names = "--now",
      paramLabel = "TIME",
      description = "Check validity as of this RFC 3339 time (default: now).")
  String now;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    String text = CliFiles.text(cmd, file);
    Clock clock;
    try {
      clock = now == null ? Clock.systemUTC() : Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cmd, "--now must be an RFC 3339 time such as 2026-11-24T06:00:00Z");
    }
    DidResolver web =
        keyRegistry != null
            ? new RegistryDidResolver(RegistryKeyResolver.of(BecknRegistry.of(keyRegistry)))
            : DidWebResolver.builder().allowHttpForLoopback(httpDidWeb).build();
    CredentialVerifier.Builder builder =
        CredentialVerifier.builder()
            .didResolver(DidResolvers.withWeb(web))
            .clock(clock)
            .checkStatus(!noStatus)
            .trustedIssuers(
                trustedIssuers.isEmpty()
                    ? TrustedIssuers.any()
                    : TrustedIssuers.of(trustedIssuers));
    if (registry != null) {
      builder.dediRegistry(registry);
    }
    VerificationResult result = builder.build().verify(text);
    if (result.valid()) {
      var c = result.credential();
      cmd.getOut()
          .println(
              "valid: "
                  + String.join(",", c.types())
                  + " "
                  + c.id()
                  + " issued by "
                  + c.issuerId()
                  + " ("
                  + ("jwt".equals(result.format())
                      ? "VC-JWT"
                      : c.proof().map(p -> p.path("type").asText()).orElse(""))
                  + ")"
                  + (noStatus ? ", status not checked" : ""));
      cmd.getOut().flush();
      return 0;
    }
    List<Problem> problems = result.problems();
    for (Problem p : problems) {
      cmd.getErr().println("uei: " + p.toString().replace('\n', ' '));
    }
    cmd.getErr().flush();
    return 1;
  }
}
