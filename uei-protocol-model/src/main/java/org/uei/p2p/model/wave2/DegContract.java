package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The DEGContract pack ({@code contractAttributes}): who plays which role, and the policy that
 * governs the contract. Roles carry only a participant id; each party's attributes live in the
 * contract's (or the offer's) {@code participants[]}, joined on the id.
 */
public final class DegContract extends Wave2Object {

  /** {@code @type} of the pack. */
  public static final String TYPE = "DEGContract";

  public static final String BUYER_PLATFORM = "buyerPlatform";
  public static final String SELLER_PLATFORM = "sellerPlatform";
  public static final String BUYER_DISCOM = "buyerDiscom";
  public static final String SELLER_DISCOM = "sellerDiscom";

  /** The four roles every P2P trade contract binds. */
  public static final List<String> P2P_ROLES =
      List.of(BUYER_PLATFORM, SELLER_PLATFORM, BUYER_DISCOM, SELLER_DISCOM);

  DegContract(ObjectNode json, String path) {
    super(json, path);
  }

  public List<Role> roles() {
    return objects("roles", Role::new);
  }

  /** The participant id bound to {@code role}; empty when the role is absent or not yet bound. */
  public Optional<String> participantIdOf(String role) {
    return roles().stream()
        .filter(r -> r != null && role.equals(r.role()))
        .map(Role::participantId)
        .filter(id -> id != null)
        .findFirst();
  }

  /** {@code policy {url, queryPath}}, or {@code null}. */
  public Policy policy() {
    return object("policy", Policy::new);
  }

  /**
   * One {@code roles[]} entry: a role name and the participant bound to it ({@code null} until
   * bound).
   */
  public static final class Role extends Wave2Object {
    Role(ObjectNode json, String path) {
      super(json, path);
    }

    public String role() {
      return text("role");
    }

    /**
     * The bound participant's id; {@code null} when unbound (JSON null at catalog publish) or
     * absent.
     */
    public String participantId() {
      return text("participantId");
    }
  }

  /** The OPA/Rego policy reference: where to fetch it and which rule path to query. */
  public static final class Policy extends Wave2Object {
    Policy(ObjectNode json, String path) {
      super(json, path);
    }

    public String url() {
      return text("url");
    }

    public String queryPath() {
      return text("queryPath");
    }
  }
}
