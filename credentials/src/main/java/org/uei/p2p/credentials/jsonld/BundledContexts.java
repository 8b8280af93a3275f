package org.uei.p2p.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON-LD document loader that serves context documents from files bundled with the library and
 * refuses every other URL, so that canonicalisation never touches the network and a credential
 * cannot make the verifier fetch an attacker's context. Immutable.
 */
public final class BundledContexts implements DocumentLoader {

  /** The VC Data Model 2.0 context URL. */
  public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

  /** The Ed25519Signature2020 suite context URL. */
  public static final String ED25519_2020 = "https://w3id.org/security/suites/ed25519-2020/v1";

  /** The ElectricityCredential v1.2 context URL. */
  public static final String ELECTRICITY_CREDENTIAL_V1_2 =
      "https://india-energy-stack.github.io/ies-accelerator/schemas/ElectricityCredential/v1.2/context.jsonld";

  private static final BundledContexts DEFAULT = builder().build();

  private final Map<String, JsonStructure> documents;

  private BundledContexts(Map<String, JsonStructure> documents) {
    this.documents = Map.copyOf(documents);
  }

  /** The library's own bundled contexts (see the README next to them). */
  public static BundledContexts defaults() {
    return DEFAULT;
  }

  /** A builder starting from the bundled contexts. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when {@code url} is served. */
  public boolean serves(String url) {
    return documents.containsKey(url);
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    JsonStructure json = documents.get(url.toString());
    if (json == null) {
      throw new JsonLdError(
          JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
          "context " + url + " is not bundled with the library; contexts are never fetched");
    }
    JsonDocument doc = JsonDocument.of(json);
    doc.setDocumentUrl(url);
    return doc;
  }

  /** Collects context documents. */
  public static final class Builder {
    private final Map<String, JsonStructure> documents = new HashMap<>();

    private Builder() {
      documents.put(CREDENTIALS_V2, resource("credentials-v2.jsonld"));
      documents.put(ED25519_2020, resource("ed25519-2020-v1.jsonld"));
      documents.put(ELECTRICITY_CREDENTIAL_V1_2, resource("electricity-credential-v1.2.jsonld"));
    }

    /** Serves {@code json} (a context document) for {@code url}, replacing a bundled one. */
    public Builder add(String url, String json) {
      documents.put(url, Json.createReader(new StringReader(json)).read());
      return this;
    }

    /** The loader. */
    public BundledContexts build() {
      return new BundledContexts(documents);
    }

    private static JsonStructure resource(String name) {
      try (InputStream in =
          BundledContexts.class.getResourceAsStream("/org/uei/p2p/credentials/contexts/" + name)) {
        if (in == null) {
          throw new IllegalStateException("bundled context " + name + " is missing from the jar");
        }
        return Json.createReader(in).read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
