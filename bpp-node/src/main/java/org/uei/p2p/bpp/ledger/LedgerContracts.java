package org.uei.p2p.bpp.ledger;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.uei.p2p.node.store.Causes;

/**
 * Which contract a transaction's records belong to, as the seller platform named it in the {@code
 * clientReference} of its puts. The first name stands: a later put naming another contract cannot
 * move the records' reports to it.
 */
@ApplicationScoped
public class LedgerContracts {

  /** Remembers {@code contractId} for {@code transactionId} unless a contract is known already. */
  void remember(String transactionId, String contractId, String sellerPlatform) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                LedgerContractRef known = LedgerContractRef.findById(transactionId);
                if (known == null) {
                  LedgerContractRef r = new LedgerContractRef();
                  r.transactionId = transactionId;
                  r.contractId = contractId;
                  r.platformId = sellerPlatform;
                  r.createdAt = Instant.now();
                  r.persist();
                } else if (!known.contractId.equals(contractId)) {
                  Log.warnf(
                      "transaction %s: %s named contract %s, the ledger keeps %s",
                      transactionId, sellerPlatform, contractId, known.contractId);
                }
              });
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // Another put of the transaction stored it first: the first name stands.
    }
  }

  /** The contract id of {@code transactionId}'s records, if the seller platform named it. */
  public Optional<String> contractOf(String transactionId) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                Optional.ofNullable(LedgerContractRef.<LedgerContractRef>findById(transactionId))
                    .map(r -> r.contractId));
  }
}
