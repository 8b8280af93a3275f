package org.uei.p2p.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.credentials.model.Problem;

/**
 * Finds members a Data Integrity proof would silently not cover: JSON-LD ignores unknown
 * {@code @}-keywords and drops nodes whose {@code id} is not an absolute IRI, so such members could
 * be changed without breaking the signature. A credential that has any is refused as malformed.
 */
final class SignatureCoverage {

  private static final Set<String> KEYWORDS =
      Set.of("@context", "@id", "@type", "@value", "@language", "@direction");

  private SignatureCoverage() {}

  static void check(JsonNode node, String path, List<Problem> out) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      String child =
          key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "['" + key + "']";
      if (key.startsWith("@") && !KEYWORDS.contains(key)) {
        out.add(
            Problem.malformed(
                child, "'" + key + "' is not a JSON-LD keyword; the proof would not cover it"));
      } else if (key.equals("@context")) {
        continue;
      } else if ((key.equals("id") || key.equals("@id"))
          && e.getValue().isTextual()
          && !CredentialValidator.isIri(e.getValue())) {
        out.add(
            Problem.malformed(
                child,
                "'"
                    + e.getValue().asText()
                    + "' is not an absolute IRI; the proof would not cover this object"));
      } else {
        check(e.getValue(), child, out);
      }
    }
  }
}
