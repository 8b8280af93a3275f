package org.uei.p2p.market.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Resource;

/**
 * The facts the rules need from a wave-2 contract, each with the JSON path it came from, so every
 * rule reads the contract the same way and reports the member the sender must fix.
 *
 * <p>Two shapes are read. The devkit's: participants keyed by {@code id}, joined to {@code
 * contractAttributes.roles[].participantId}, a DISCOM's id being its UPADHI code. And the DISCOM
 * policy guide's earlier one: participants carrying their {@code role}, DISCOMs named by {@code
 * participantAttributes.utilityId} and the ledger by {@code ledgerUrl}; published policy inputs
 * still use it, and a seller DISCOM must be able to judge them.
 */
final class ContractFacts {

  /** A value from the message and where it was. */
  record Located(String value, String path) {}

  /** A participant and its attributes. */
  record Party(String path, String id, JsonNode attributes) {
    Located attr(String name) {
      JsonNode n = attributes == null ? null : attributes.get(name);
      return n != null && n.isTextual()
          ? new Located(n.asText(), path + ".participantAttributes." + name)
          : null;
    }
  }

  private final Contract contract;
  private final DegContract roles;
  private final boolean roleKeyed;

  ContractFacts(Contract contract) {
    this.contract = contract;
    this.roles = contract.contractAttributes();
    this.roleKeyed =
        contract.participants().stream()
            .anyMatch(
                p ->
                    p != null
                        && p.id() == null
                        && p.member("role") != null
                        && p.member("role").isTextual());
  }

  Contract contract() {
    return contract;
  }

  /** The roles declared, in wire order, with their paths; empty when there is no roles array. */
  List<Located> declaredRoles() {
    List<Located> out = new ArrayList<>();
    if (roles != null) {
      for (DegContract.Role r : roles.roles()) {
        if (r != null && r.role() != null) {
          out.add(new Located(r.role(), r.pathOf("role")));
        }
      }
    }
    return out;
  }

  /** Path of the roles array (where a missing role belongs). */
  String rolesPath() {
    return contract.pathOf("contractAttributes.roles");
  }

  /** The participant id bound to {@code role}, with the path of its {@code participantId}. */
  Located roleId(String role) {
    if (roles == null) {
      return null;
    }
    for (DegContract.Role r : roles.roles()) {
      if (r != null && role.equals(r.role()) && r.participantId() != null) {
        return new Located(r.participantId(), r.pathOf("participantId"));
      }
    }
    return null;
  }

  /** The participant playing {@code role}, or {@code null}. */
  Party party(String role) {
    Located id = roleId(role);
    for (Participant p : contract.participants()) {
      if (p == null) {
        continue;
      }
      boolean byId = id != null && id.value().equals(p.id());
      JsonNode r = p.member("role");
      boolean byRole = roleKeyed && r != null && role.equals(r.asText());
      if (byId || byRole) {
        return new Party(p.path(), p.id(), p.member("participantAttributes"));
      }
    }
    return null;
  }

  /**
   * The DISCOM (UPADHI code) of the side whose DISCOM role is {@code discomRole}, with where it was
   * read.
   */
  Located discom(String discomRole) {
    if (roleKeyed) {
      Party d = party(discomRole);
      Located u = d == null ? null : d.attr("utilityId");
      if (u != null) {
        return u;
      }
      Party platform =
          party(
              DegContract.BUYER_DISCOM.equals(discomRole)
                  ? DegContract.BUYER_PLATFORM
                  : DegContract.SELLER_PLATFORM);
      u = platform == null ? null : platform.attr("utilityId");
      if (u != null) {
        return u;
      }
    }
    return roleId(discomRole);
  }

  /** The buyer's meter: the buyer platform participant's {@code meterId}. */
  Located buyerMeter() {
    Party p = party(DegContract.BUYER_PLATFORM);
    return p == null ? null : p.attr("meterId");
  }

  /**
   * The seller's meter: the committed EnergyResource, else the seller platform participant's {@code
   * meterId}.
   */
  Located sellerMeter() {
    for (Commitment c : contract.commitments()) {
      for (Resource r : c == null ? List.<Resource>of() : c.resources()) {
        if (r != null && r.meterId() != null) {
          return new Located(r.meterId(), r.pathOf("resourceAttributes.id"));
        }
      }
    }
    Party p = party(DegContract.SELLER_PLATFORM);
    return p == null ? null : p.attr("meterId");
  }

  /**
   * The ledger URL a DISCOM participant declares ({@code ledgerUri}; the guide's {@code
   * ledgerUrl}).
   */
  static Located ledgerUri(Party discom) {
    Located l = discom.attr("ledgerUri");
    return l != null ? l : discom.attr("ledgerUrl");
  }
}
