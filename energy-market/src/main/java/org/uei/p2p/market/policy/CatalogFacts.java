package org.uei.p2p.market.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.policy.ContractFacts.Located;
import org.uei.p2p.model.wave2.Catalog;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * What the rules read from the offers of a catalog publish, with paths. Read from the JSON directly
 * so an offer without its pack's {@code @type} (as in the policy guide) is still judged.
 */
final class CatalogFacts {

  private CatalogFacts() {}

  /** Every offer of every catalog of {@code message}. */
  static List<CatalogOffer> offers(Wave2Message message) {
    List<CatalogOffer> out = new ArrayList<>();
    for (Catalog c : message.catalogs()) {
      for (CatalogOffer o : c == null ? List.<CatalogOffer>of() : c.offers()) {
        if (o != null) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /**
   * The offer's seller DISCOM: its sellerDiscom role, else its provider's {@code utilityId}; {@code
   * null} when neither.
   */
  static Located sellerDiscom(CatalogOffer o) {
    JsonNode roles = attrs(o).path("contractAttributes").path("roles");
    for (int i = 0; i < roles.size(); i++) {
      JsonNode r = roles.get(i);
      if (DegContract.SELLER_DISCOM.equals(r.path("role").asText())
          && r.path("participantId").isTextual()) {
        return new Located(
            r.get("participantId").asText(),
            o.pathOf("offerAttributes.contractAttributes.roles[" + i + "].participantId"));
      }
    }
    JsonNode u =
        o.member("provider") == null
            ? null
            : o.member("provider").path("providerAttributes").path("utilityId");
    return u != null && u.isTextual()
        ? new Located(u.asText(), o.pathOf("provider.providerAttributes.utilityId"))
        : null;
  }

  /** The currencies the offer prices energy in. */
  static List<Located> currencies(CatalogOffer o) {
    List<Located> out = new ArrayList<>();
    JsonNode ds = attrs(o).path("commitmentAttributes").path("payloadDescriptors");
    for (int i = 0; i < ds.size(); i++) {
      JsonNode d = ds.get(i);
      if ("PRICE_PER_KWH".equals(d.path("payloadType").asText())
          && d.path("currency").isTextual()) {
        out.add(
            new Located(
                d.get("currency").asText(),
                o.pathOf(
                    "offerAttributes.commitmentAttributes.payloadDescriptors["
                        + i
                        + "].currency")));
      }
    }
    return out;
  }

  /** The offer's meters: its provider's and its participants' {@code meterId}. */
  static List<Located> meters(CatalogOffer o) {
    List<Located> out = new ArrayList<>();
    JsonNode pm =
        o.member("provider") == null
            ? null
            : o.member("provider").path("providerAttributes").path("meterId");
    if (pm != null && pm.isTextual()) {
      out.add(new Located(pm.asText(), o.pathOf("provider.providerAttributes.meterId")));
    }
    JsonNode ps = attrs(o).path("participants");
    for (int i = 0; i < ps.size(); i++) {
      JsonNode m = ps.get(i).path("participantAttributes").path("meterId");
      if (m.isTextual()) {
        out.add(
            new Located(
                m.asText(),
                o.pathOf("offerAttributes.participants[" + i + "].participantAttributes.meterId")));
      }
    }
    return out;
  }

  /**
   * The offer's {@code contractAttributes.policy.queryPath}, with its path; {@code null} when the
   * offer names no policy.
   */
  static Located policyQueryPath(CatalogOffer o) {
    JsonNode ca = attrs(o).path("contractAttributes");
    if (!ca.isObject()) {
      return null;
    }
    JsonNode q = ca.path("policy").path("queryPath");
    return new Located(
        q.isTextual() ? q.asText() : "",
        o.pathOf("offerAttributes.contractAttributes.policy.queryPath"));
  }

  private static JsonNode attrs(CatalogOffer o) {
    JsonNode a = o.member("offerAttributes");
    return a == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : a;
  }
}
