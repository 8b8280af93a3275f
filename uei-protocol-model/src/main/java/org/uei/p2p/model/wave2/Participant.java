package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A {@code participants[]} entry: a party's id and its attributes, an EnergyCustomer for a
 * platform's customer or a DiscomLedgerProvider for a DISCOM. The role is not here but in the
 * DEGContract roles.
 */
public final class Participant extends Wave2Object {

  Participant(ObjectNode json, String path) {
    super(json, path);
  }

  /** The party id: a platform's subscriber id, or a DISCOM's UPADHI short code. */
  public String id() {
    return text("id");
  }

  /** {@code participantAttributes.@type}, or {@code null}. */
  public String attributesType() {
    ObjectNode a = json().get("participantAttributes") instanceof ObjectNode o ? o : null;
    return a != null && a.path("@type").isTextual() ? a.get("@type").asText() : null;
  }

  /** The attributes as an EnergyCustomer, or {@code null} when they are another pack. */
  public EnergyCustomer energyCustomer() {
    return EnergyCustomer.TYPE.equals(attributesType())
        ? object("participantAttributes", EnergyCustomer::new)
        : null;
  }

  /** The attributes as a DiscomLedgerProvider, or {@code null} when they are another pack. */
  public DiscomLedgerProvider ledgerProvider() {
    return DiscomLedgerProvider.TYPE.equals(attributesType())
        ? object("participantAttributes", DiscomLedgerProvider::new)
        : null;
  }

  /** The EnergyCustomer pack (v2.0): the metered connection a platform trades for. */
  public static final class EnergyCustomer extends Wave2Object {
    /** {@code @type} of the pack. */
    public static final String TYPE = "EnergyCustomer";

    EnergyCustomer(ObjectNode json, String path) {
      super(json, path);
    }

    public String meterId() {
      return text("meterId");
    }

    public String utilityCustomerId() {
      return text("utilityCustomerId");
    }

    /** The DISCOM the connection belongs to, when the sender names it. */
    public String utilityId() {
      return text("utilityId");
    }

    public BigDecimal sanctionedLoad() {
      return decimal("sanctionedLoad");
    }

    public String platformUrl() {
      return text("platformUrl");
    }
  }

  /**
   * The DiscomLedgerProvider pack (v1.0): a DISCOM's Beckn identity and its ledger service. The
   * participant id is the UPADHI code; {@code discomId} is the DISCOM node's subscriber id.
   */
  public static final class DiscomLedgerProvider extends Wave2Object {
    /** {@code @type} of the pack. */
    public static final String TYPE = "DiscomLedgerProvider";

    DiscomLedgerProvider(ObjectNode json, String path) {
      super(json, path);
    }

    public String discomId() {
      return text("discomId");
    }

    public String discomUri() {
      return text("discomUri");
    }

    public String ledgerId() {
      return text("ledgerId");
    }

    public String ledgerUri() {
      return text("ledgerUri");
    }
  }
}
