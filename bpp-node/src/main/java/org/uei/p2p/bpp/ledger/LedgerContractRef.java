package org.uei.p2p.bpp.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The seller platform's contract id of a transaction, from the {@code clientReference} of its puts:
 * the ledger keeps records, not the contract, and names the contract by this id when it reports
 * allocations.
 */
@Entity
@Table(name = "ledger_contract_ref")
public class LedgerContractRef extends PanacheEntityBase {

  @Id
  @Column(name = "transaction_id")
  public String transactionId;

  @Column(name = "contract_id", nullable = false)
  public String contractId;

  /** The seller platform that named it. */
  @Column(name = "platform_id", nullable = false)
  public String platformId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
