package org.uei.p2p.network.hardening;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.uei.p2p.network.hardening.HostileCase.Signing;

/**
 * The trust-boundary families of the hostile corpus: absurd numbers in modelled and unmodelled
 * members, callback URLs the sender does not own, prices other than the catalog's, more energy than
 * is on offer, bodies that are not exactly one UTF-8 JSON text, oversized headers, HTTP-level
 * oddities, bad signatures and a replay.
 */
final class TrustBoundaryCases {

  private static final String NUMBER = "\"@@number@@\"";
  private static final List<String> ABSURD_NUMBERS =
      List.of(
          "1E+999999999",
          "1e-999999999",
          "-1E+999999999",
          "1e400",
          "0e-999999999",
          "123456789012345678901",
          "1.0000000000000000000001",
          "1e99999999999999999999");

  private final HostileCorpus corpus;
  private final byte[] validSelect;
  private final String otherParticipantUrl;
  private final BigDecimal offerLeftKwh;
  private final BigDecimal offerPrice;
  private final List<HostileCase> cases = new ArrayList<>();

  /**
   * @param corpus the malformed-message families, for fresh copies of the valid select
   * @param validSelect a select the node accepts (it is sent once more, as a replay)
   * @param otherParticipantUrl the registered callback URL of another participant
   * @param offerLeftKwh what the selected offer has left
   * @param offerPrice the selected offer's catalog price
   */
  TrustBoundaryCases(
      HostileCorpus corpus,
      byte[] validSelect,
      String otherParticipantUrl,
      BigDecimal offerLeftKwh,
      BigDecimal offerPrice) {
    this.corpus = corpus;
    this.validSelect = validSelect;
    this.otherParticipantUrl = otherParticipantUrl;
    this.offerLeftKwh = offerLeftKwh;
    this.offerPrice = offerPrice;
  }

  List<HostileCase> all() {
    numbers();
    callbackUrls();
    prices();
    overQuantity();
    encodings();
    headers();
    httpOddities();
    signatures();
    cases.add(
        new HostileCase(
            "replay/the-accepted-select-again",
            "POST",
            "/select",
            validSelect,
            Signing.BUYER,
            Map.of()));
    return cases;
  }

  private void numbers() {
    for (String n : ABSURD_NUMBERS) {
      number(
          "number/quantity=" + n,
          n,
          m -> item(m).withObjectProperty("beckn:quantity").put("unitQuantity", "@@number@@"));
      number("number/price=" + n, n, m -> price(m).put("schema:price", "@@number@@"));
      number("number/unmodelled-in-order=" + n, n, m -> order(m).put("x-extension", "@@number@@"));
      number(
          "number/unmodelled-in-context=" + n,
          n,
          m -> HostileCorpus.context(m).put("x-extension", "@@number@@"));
      number(
          "number/nested-array=" + n,
          n,
          m -> order(m).putArray("x-matrix").addArray().addArray().add("@@number@@"));
    }
  }

  private void callbackUrls() {
    List<String> urls =
        List.of(
            "http://127.0.0.1:1/",
            "http://unresolvable.invalid/beckn",
            "http://127.0.0.1/" + "a".repeat(100_000),
            otherParticipantUrl,
            "ftp://127.0.0.1/beckn",
            "http://user:secret@127.0.0.1:1/",
            "http://[::1]:1/",
            "http://169.254.169.254/latest/meta-data/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_INFO",
            "//127.0.0.1:1/",
            "",
            "http://",
            " ");
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      content(
          "callback-url/#" + i + "-" + url.substring(0, Math.min(24, url.length())),
          m -> HostileCorpus.context(m).put("bap_uri", url));
    }
  }

  private void prices() {
    for (String p :
        List.of(
            "0",
            "0.0001",
            "0.01",
            offerPrice.add(new BigDecimal("0.01")).toPlainString(),
            offerPrice.subtract(new BigDecimal("0.01")).toPlainString(),
            "-6.10",
            "99999999")) {
      content("price/acceptedOffer=" + p, m -> price(m).put("schema:price", new BigDecimal(p)));
    }
    content("price/currency=USD", m -> price(m).put("schema:priceCurrency", "USD"));
  }

  private void overQuantity() {
    BigDecimal tooMuch = offerLeftKwh.add(BigDecimal.ONE);
    content("quantity/one-line-above-what-is-left", m -> setQuantity(item(m), tooMuch));
    BigDecimal half = offerLeftKwh.divide(new BigDecimal("2")).add(BigDecimal.ONE);
    content(
        "quantity/same-offer-twice-above-what-is-left",
        m -> {
          setQuantity(item(m), half);
          items(m).add(item(m).deepCopy());
        });
    content(
        "quantity/400-lines-for-one-offer",
        m -> {
          setQuantity(item(m), BigDecimal.ONE);
          ObjectNode one = item(m).deepCopy();
          for (int i = 1; i < 400; i++) {
            items(m).add(one.deepCopy());
          }
        });
    content(
        "quantity/three-lines-summing-above",
        m -> {
          setQuantity(item(m), offerLeftKwh.subtract(BigDecimal.ONE));
          ObjectNode one = item(m).deepCopy();
          setQuantity(one, BigDecimal.ONE);
          items(m).add(one.deepCopy()).add(one.deepCopy());
        });
  }

  private void encodings() {
    String text = new String(HostileCorpus.write(corpus.fresh()), StandardCharsets.UTF_8);
    for (String cs : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      cases.add(HostileCase.select("encoding/" + cs, text.getBytes(Charset.forName(cs))));
      byte[] bom = "\uFEFF".getBytes(Charset.forName(cs));
      cases.add(
          HostileCase.select(
              "encoding/" + cs + "-with-bom", concat(bom, text.getBytes(Charset.forName(cs)))));
    }
    cases.add(
        HostileCase.select(
            "encoding/utf-8-with-bom",
            concat(HexFormat.of().parseHex("EFBBBF"), text.getBytes(StandardCharsets.UTF_8))));
    for (String tail : List.of(" x", "{}", "\n[]", " null", "}", ",", "\u0000")) {
      cases.add(
          HostileCase.select(
              "encoding/after-the-value=" + tail.strip().replace("\u0000", "NUL"),
              (text + tail).getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> sequences =
        Map.of(
            "overlong-slash",
            "C0AF",
            "overlong-3-byte",
            "E080AF",
            "overlong-4-byte",
            "F08080AF",
            "encoded-high-surrogate",
            "EDA080",
            "encoded-low-surrogate",
            "EDBFBF",
            "above-U+10FFFF",
            "F4908080",
            "F5-lead",
            "F5808080",
            "lone-continuation",
            "80",
            "truncated",
            "E282",
            "FF-byte",
            "FF");
    sequences.forEach(
        (name, hex) -> {
          String marked = text.replaceFirst("\"select\"", "\"select@@bytes@@\"");
          int at = marked.indexOf("@@bytes@@");
          byte[] before = marked.substring(0, at).getBytes(StandardCharsets.UTF_8);
          byte[] after = marked.substring(at + 9).getBytes(StandardCharsets.UTF_8);
          cases.add(
              HostileCase.select(
                  "encoding/" + name, concat(concat(before, HexFormat.of().parseHex(hex)), after)));
        });
  }

  private void headers() {
    byte[] body = HostileCorpus.write(corpus.fresh());
    java.util.LinkedHashMap<String, String> padding = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      padding.put("X-Padding-" + i, "p".repeat(1000));
    }
    cases.add(
        new HostileCase("headers/20-KB-extra", "POST", "/select", body, Signing.BUYER, padding));
    cases.add(
        new HostileCase(
            "headers/authorization-5000-chars",
            "POST",
            "/select",
            body,
            Signing.NONE,
            Map.of("Authorization", "Signature keyId=\"" + "k".repeat(5000) + "\"")));
    cases.add(
        new HostileCase(
            "headers/gateway-authorization-10000-chars",
            "POST",
            "/select",
            body,
            Signing.BUYER,
            Map.of("X-Gateway-Authorization", "g".repeat(10_000))));
  }

  private void httpOddities() {
    byte[] body = HostileCorpus.write(corpus.fresh());
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      cases.add(
          new HostileCase(
              "http/" + method + "-select", method, "/select", body, Signing.BUYER, Map.of()));
    }
    // "/select/" and "//select" are the same endpoint as "/select" once the path is normalized (a
    // valid message there is accepted), so they are no cases.
    for (String path :
        List.of(
            "/SELECT",
            "/select/extra",
            "/no_such_action",
            "/on_select",
            "/select?" + "q=" + "x".repeat(5000),
            "/select%00",
            "/..%2fselect")) {
      String name = path.length() > 30 ? path.substring(0, 30) + "…" : path;
      cases.add(new HostileCase("http/POST-" + name, "POST", path, body, Signing.BUYER, Map.of()));
    }
  }

  private void signatures() {
    for (Signing s :
        List.of(
            Signing.NONE,
            Signing.INTRUDER,
            Signing.UNREGISTERED_KEY,
            Signing.EXPIRED,
            Signing.OTHER_BYTES)) {
      cases.add(
          new HostileCase(
              "signature/" + s,
              "POST",
              "/select",
              HostileCorpus.write(corpus.fresh()),
              s,
              Map.of()));
    }
    for (String header :
        List.of(
            "Signature",
            "Bearer abc",
            "Signature keyId=\"a|b|ed25519\",signature=\"AAAA\"",
            "Signature keyId=\"x\",algorithm=\"rsa\"")) {
      cases.add(
          new HostileCase(
              "signature/malformed=" + header.substring(0, Math.min(20, header.length())),
              "POST",
              "/select",
              HostileCorpus.write(corpus.fresh()),
              Signing.NONE,
              Map.of("Authorization", header)));
    }
  }

  private void number(String name, String literal, Consumer<ObjectNode> placeholder) {
    ObjectNode m = corpus.fresh();
    placeholder.accept(m);
    String text =
        new String(HostileCorpus.write(m), StandardCharsets.UTF_8).replace(NUMBER, literal);
    cases.add(HostileCase.select(name, text.getBytes(StandardCharsets.UTF_8)));
  }

  private void content(String name, Consumer<ObjectNode> mutation) {
    ObjectNode m = corpus.fresh();
    mutation.accept(m);
    cases.add(HostileCase.select(name, HostileCorpus.write(m)));
  }

  private static ObjectNode order(ObjectNode m) {
    return (ObjectNode) m.get("message").get("order");
  }

  private static ArrayNode items(ObjectNode m) {
    return (ArrayNode) order(m).get("beckn:orderItems");
  }

  private static ObjectNode item(ObjectNode m) {
    return (ObjectNode) items(m).get(0);
  }

  private static ObjectNode price(ObjectNode m) {
    return (ObjectNode) item(m).get("beckn:acceptedOffer").get("beckn:price");
  }

  private static void setQuantity(ObjectNode item, BigDecimal kwh) {
    ((ObjectNode) item.get("beckn:quantity")).put("unitQuantity", kwh);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.write(a, 0, a.length);
    out.write(b, 0, b.length);
    return out.toByteArray();
  }
}
