package org.uei.p2p.cli.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.KeyFormatException;
import picocli.CommandLine;

/** Reading the files the credential commands take; every failure is a usage error (exit 2). */
final class CliFiles {

  private CliFiles() {}

  static String text(CommandLine cmd, String file) {
    try {
      return "-".equals(file)
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(cmd, "no such file: " + file);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cmd, "cannot read " + file + ": " + e.getMessage());
    }
  }

  static JsonNode json(CommandLine cmd, String option, String file) {
    try {
      return Credential.MAPPER.readTree(text(cmd, file));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cmd,
          option + ": " + file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Reads a signing key: the JSON {@code uei keygen} writes ({@code signing_private_key}), a
   * private Ed25519 JWK, or the base64 private key alone.
   */
  static Ed25519KeyPair key(CommandLine cmd, String file) {
    String text = text(cmd, file).strip();
    try {
      if (text.startsWith("{")) {
        JsonNode n = Credential.MAPPER.readTree(text);
        if (n.hasNonNull("signing_private_key")) {
          return Ed25519KeyPair.fromPrivateKeyBase64(n.get("signing_private_key").asText());
        }
        return Ed25519KeyPair.fromJwk(text);
      }
      return Ed25519KeyPair.fromPrivateKeyBase64(text);
    } catch (IOException | KeyFormatException e) {
      throw new CommandLine.ParameterException(cmd, "--key " + file + ": " + e.getMessage());
    }
  }
}
