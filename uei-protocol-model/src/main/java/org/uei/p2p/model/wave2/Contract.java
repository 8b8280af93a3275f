package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code message.contract}: the LTS {@code Contract} (on this network a P2PTrade) that init to
 * on_status carry. It grows along the flow: DRAFT with roles, participants and the requested
 * quantities at init, payment terms at on_init, ACTIVE at on_confirm, DISCOM allocations and the
 * revenue flows at on_status.
 */
public final class Contract extends Wave2Object {

  /** Contract states of the LTS core ({@code status.code}). */
  public static final List<String> STATES = List.of("DRAFT", "ACTIVE", "CANCELLED", "COMPLETE");

  /** The id of the consideration that carries the settlement's revenue flows. */
  public static final String AUTO_SETTLEMENT_FLOWS = "auto-settlement-flows";

  Contract(ObjectNode json, String path) {
    super(json, path);
  }

  /** The contract id, given by the seller platform by on_confirm. */
  public String id() {
    return text("id");
  }

  /** {@code status.code}: DRAFT, ACTIVE, CANCELLED or COMPLETE. */
  public String statusCode() {
    ObjectNode s = json().get("status") instanceof ObjectNode o ? o : null;
    return s != null && s.path("code").isTextual() ? s.get("code").asText() : null;
  }

  public List<Commitment> commitments() {
    return objects("commitments", Commitment::new);
  }

  /** {@code contractAttributes} read as a DEGContract (roles and policy), or {@code null}. */
  public DegContract contractAttributes() {
    return object("contractAttributes", DegContract::new);
  }

  public List<Participant> participants() {
    return objects("participants", Participant::new);
  }

  /** The participant with this id; the roles of {@link DegContract} name participants by id. */
  public Optional<Participant> participant(String id) {
    return participants().stream()
        .filter(p -> p != null && id != null && id.equals(p.id()))
        .findFirst();
  }

  /** The participant bound to {@code role} (e.g. {@code sellerDiscom}), if any. */
  public Optional<Participant> participantInRole(String role) {
    DegContract dc = contractAttributes();
    return dc == null ? Optional.empty() : dc.participantIdOf(role).flatMap(this::participant);
  }

  public List<Consideration> consideration() {
    return objects("consideration", Consideration::new);
  }

  public List<Settlement> settlements() {
    return objects("settlements", Settlement::new);
  }

  /**
   * The revenue flows of {@code consideration[id=auto-settlement-flows]}, once the seller side
   * added them.
   */
  public Optional<RevenueFlow> revenueFlow() {
    return consideration().stream()
        .filter(c -> c != null && AUTO_SETTLEMENT_FLOWS.equals(c.id()))
        .map(Consideration::revenueFlow)
        .filter(r -> r != null)
        .findFirst();
  }

  /**
   * The payment terms: the first SettlementTerm with a {@code payTo} in {@code consideration[]} (as
   * the reference adapter answers on_init) or in {@code settlements[]} (as the devkit examples
   * carry it).
   */
  public Optional<SettlementTerm> settlementTerm() {
    for (Consideration c : consideration()) {
      if (c != null && c.settlementTerm() != null && c.settlementTerm().payTo() != null) {
        return Optional.of(c.settlementTerm());
      }
    }
    for (Settlement s : settlements()) {
      if (s != null && s.settlementTerm() != null && s.settlementTerm().payTo() != null) {
        return Optional.of(s.settlementTerm());
      }
    }
    return Optional.empty();
  }

  /** {@code performance[]}: execution units, each naming the commitments it performs. */
  public List<Performance> performance() {
    return objects("performance", Performance::new);
  }

  /** One {@code performance[]} entry of the LTS core. */
  public static final class Performance extends Wave2Object {
    Performance(ObjectNode json, String path) {
      super(json, path);
    }

    public String id() {
      return text("id");
    }

    /** Ids of the commitments this unit performs. */
    public List<String> commitmentIds() {
      return texts("commitmentIds");
    }
  }
}
