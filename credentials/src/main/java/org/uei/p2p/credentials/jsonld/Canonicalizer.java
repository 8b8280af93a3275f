package org.uei.p2p.credentials.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * JSON-LD to RDF, then RDF Dataset Canonicalization (RDFC-1.0, SHA-256) to canonical N-Quads: the
 * transformation both Data Integrity suites sign. Contexts come only from the given loader.
 */
public final class Canonicalizer {

  private final BundledContexts contexts;

  /** Canonicalises with {@code contexts} as the only source of context documents. */
  public Canonicalizer(BundledContexts contexts) {
    this.contexts = contexts;
  }

  /** A canonicaliser over the library's bundled contexts. */
  public static Canonicalizer withBundledContexts() {
    return new Canonicalizer(BundledContexts.defaults());
  }

  /**
   * The canonical N-Quads of {@code document}, one quad per line, each ending in a newline.
   *
   * @throws CanonicalizationException when the document is not valid JSON-LD or names an unbundled
   *     context
   */
  public String canonicalize(JsonNode document) throws CanonicalizationException {
    // Jackson and JSON-P disagree on nothing that matters here; text is the simplest bridge.
    JsonStructure json = Json.createReader(new StringReader(document.toString())).read();
    RdfCanon canon = RdfCanon.create("SHA-256");
    try {
      JsonLd.toRdf(JsonDocument.of(json)).loader(contexts).provide(canon);
      StringWriter out = new StringWriter();
      canon.provide(new NQuadsWriter(out));
      return out.toString();
    } catch (JsonLdError e) {
      throw new CanonicalizationException("not valid JSON-LD: " + e.getMessage(), e);
    } catch (RdfConsumerException e) {
      throw new CanonicalizationException("canonicalisation failed: " + e.getMessage(), e);
    }
  }

  /** A document that cannot be canonicalised. */
  public static final class CanonicalizationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With the reason and its cause. */
    public CanonicalizationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
