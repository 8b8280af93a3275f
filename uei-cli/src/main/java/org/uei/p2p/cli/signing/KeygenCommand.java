package org.uei.p2p.cli.signing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.X25519KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uei keygen}: a new Ed25519 signing and X25519 encryption key pair for a subscriber. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate an Ed25519 signing key pair and an X25519 encryption key pair.",
      "Prints JSON with signing_public_key, signing_private_key (64-byte seed+public form),",
      "encr_public_key and encr_private_key, all base64 of the raw keys."
    })
public final class KeygenCommand implements Callable<Integer> {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the JSON to FILE, readable by its owner only (rw-------), instead of stdout.")
  Path out;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Ed25519KeyPair signing = Ed25519KeyPair.generate();
    X25519KeyPair encryption = X25519KeyPair.generate();
    String json =
        "{\n"
            + "  \"signing_public_key\": \""
            + signing.publicKeyBase64()
            + "\",\n"
            + "  \"signing_private_key\": \""
            + signing.privateKey64Base64()
            + "\",\n"
            + "  \"encr_public_key\": \""
            + encryption.publicKeyBase64()
            + "\",\n"
            + "  \"encr_private_key\": \""
            + encryption.privateKeyBase64()
            + "\"\n"
            + "}\n";
    if (out == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
      return 0;
    }
    writeOwnerOnly(json);
    spec.commandLine()
        .getOut()
        .println("wrote " + out + " (rw-------); signing_public_key " + signing.publicKeyBase64());
    return 0;
  }

  private void writeOwnerOnly(String json) throws IOException {
    if (force) {
      Files.deleteIfExists(out);
    }
    boolean posix =
        Files.getFileStore(out.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
    try {
      // Created with its permissions in one step, so the keys are never readable by others.
      if (posix) {
        Files.createFile(out, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(out);
      }
    } catch (FileAlreadyExistsException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          out + " already exists; keys are not overwritten unless --force is given");
    }
    try (Writer w =
        Files.newBufferedWriter(
            out, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
      w.write(json);
    }
  }
}
