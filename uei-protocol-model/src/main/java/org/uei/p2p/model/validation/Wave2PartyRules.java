package org.uei.p2p.model.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.Participant;
import org.uei.p2p.model.wave2.Wave2Object;

/**
 * Roles and parties: the DEGContract names the four P2P roles once each, every bound role's
 * participant is present, platforms are EnergyCustomers with a meter, DISCOMs are
 * DiscomLedgerProviders with base URLs for themselves and their ledger, and the policy is named.
 *
 * <p>At catalog publish the buyer side is unknown: its roles are present with a null participant id
 * ("partly bound"); in a trade contract every role is bound.
 */
final class Wave2PartyRules {

  private static final Set<String> PLATFORM_ROLES =
      Set.of(DegContract.BUYER_PLATFORM, DegContract.SELLER_PLATFORM);

  private Wave2PartyRules() {}

  /**
   * The roles and parties of a contract; required in a trade contract, checked when present
   * otherwise.
   */
  static void check(Problems p, Contract c, boolean trade) {
    Map<String, Participant> parties = participants(p, c, c.participants(), trade);
    if (Wave2Shapes.object(p, c, "contractAttributes", trade)) {
      roles(p, c.contractAttributes(), parties, true);
    }
  }

  /** The partly bound roles and seller-side parties of a catalog offer. */
  static void offer(Problems p, Wave2Object offerPack, DegContract dc, List<Participant> parties) {
    Map<String, Participant> byId = participants(p, offerPack, parties, false);
    if (Wave2Shapes.object(p, offerPack, "contractAttributes", true)) {
      roles(p, dc, byId, false);
    }
  }

  private static void roles(
      Problems p, DegContract dc, Map<String, Participant> parties, boolean bound) {
    Wave2Shapes.jsonLdType(p, dc, DegContract.TYPE);
    if (Wave2Shapes.object(p, dc, "policy", true)) {
      DegContract.Policy pol = dc.policy();
      p.httpUri(pol.pathOf("url"), Wave2Shapes.requiredText(p, pol, "url"));
      Wave2Shapes.requiredText(p, pol, "queryPath");
    }
    if (!Wave2Shapes.array(p, dc, "roles", true, true)) {
      return;
    }
    Set<String> seen = new HashSet<>();
    List<DegContract.Role> roles = dc.roles();
    for (int i = 0; i < roles.size(); i++) {
      DegContract.Role r = roles.get(i);
      if (Wave2Shapes.notObject(p, dc.pathOf("roles") + "[" + i + "]", r)) {
        continue;
      }
      String role = Wave2Shapes.requiredText(p, r, "role");
      if (role != null && !seen.add(role)) {
        p.add(r.pathOf("role"), "role '" + role + "' appears twice");
        continue;
      }
      String id = Wave2Shapes.text(p, r, "participantId", bound);
      if (role == null || id == null) {
        continue;
      }
      Participant party = parties.get(id);
      if (party == null) {
        p.add(r.pathOf("participantId"), "'" + id + "' (" + role + ") is not in participants");
      } else if (PLATFORM_ROLES.contains(role) && party.energyCustomer() == null) {
        p.add(
            party.pathOf("participantAttributes"),
            "must be an EnergyCustomer: '" + id + "' plays " + role);
      } else if (DegContract.P2P_ROLES.contains(role)
          && !PLATFORM_ROLES.contains(role)
          && party.ledgerProvider() == null) {
        p.add(
            party.pathOf("participantAttributes"),
            "must be a DiscomLedgerProvider: '" + id + "' plays " + role);
      }
    }
    for (String role : DegContract.P2P_ROLES) {
      if (!seen.contains(role)) {
        p.add(
            dc.pathOf("roles"),
            "role '"
                + role
                + "' is missing: a P2P contract binds "
                + String.join(", ", DegContract.P2P_ROLES));
      }
    }
  }

  private static Map<String, Participant> participants(
      Problems p, Wave2Object owner, List<Participant> ps, boolean required) {
    Map<String, Participant> byId = new HashMap<>();
    if (!Wave2Shapes.array(p, owner, "participants", required, required)) {
      return byId;
    }
    for (int i = 0; i < ps.size(); i++) {
      Participant party = ps.get(i);
      if (Wave2Shapes.notObject(p, owner.pathOf("participants") + "[" + i + "]", party)) {
        continue;
      }
      String id = Wave2Shapes.requiredText(p, party, "id");
      if (id != null && byId.putIfAbsent(id, party) != null) {
        p.add(party.pathOf("id"), "participant '" + id + "' appears twice");
      }
      attributes(p, party);
    }
    return byId;
  }

  private static void attributes(Problems p, Participant party) {
    Participant.EnergyCustomer ec = party.energyCustomer();
    if (ec != null) {
      Wave2Shapes.requiredText(p, ec, "meterId");
      p.notNegative(
          ec.pathOf("sanctionedLoad"), Wave2Shapes.number(p, ec, "sanctionedLoad", false));
      p.httpUri(ec.pathOf("platformUrl"), Wave2Shapes.text(p, ec, "platformUrl", false));
    }
    Participant.DiscomLedgerProvider lp = party.ledgerProvider();
    if (lp != null) {
      Wave2Shapes.requiredText(p, lp, "discomId");
      Wave2Shapes.baseUri(p, lp.pathOf("discomUri"), Wave2Shapes.requiredText(p, lp, "discomUri"));
      Wave2Shapes.requiredText(p, lp, "ledgerId");
      Wave2Shapes.baseUri(p, lp.pathOf("ledgerUri"), Wave2Shapes.requiredText(p, lp, "ledgerUri"));
    }
  }
}
