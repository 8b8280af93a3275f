package org.uei.p2p.bpp.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerException;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.VerificationResult;

/**
 * Who signed a ledger request: the Beckn {@code Authorization} signature checked over the exact
 * body bytes with the signer's key from the registry, as the Beckn endpoints check it. Unlike them
 * the ledger never skips the check ({@code uei.testing.insecure-skip-signature-verification}):
 * without a verified signer there is no one to apply the access rules to.
 */
@ApplicationScoped
class LedgerAuth {

  /**
   * A signature refusal; {@code unavailable} when the registry could not be asked (503, not 401).
   */
  static final class Refused extends LedgerException {
    private static final long serialVersionUID = 1L;

    final boolean unavailable;

    Refused(String message, boolean unavailable) {
      super(unavailable ? Code.SRV_INTERNAL_ERROR : Code.AUT_SIGNATURE_INVALID, message, "");
      this.unavailable = unavailable;
    }
  }

  @Inject BecknVerifier verifier;
  @Inject RegistryKeyResolver resolver;
  @Inject LedgerService service;

  /** The verified caller of a request. */
  LedgerCaller caller(String authorization, String digest, byte[] body) {
    VerificationResult result = verifier.verify(authorization, body, null, digest);
    if (!result.valid()) {
      boolean down = result.status() == VerificationResult.Status.REGISTRY_UNAVAILABLE;
      throw new Refused("Request signature verification failed: " + result, down);
    }
    LedgerCaller caller = service.callerFor(result.signerId());
    if (!caller.isDiscom()) {
      // A platform is a BAP or a BPP; a gateway is a party to no trade.
      try {
        Subscriber s = resolver.resolveSubscriber(result.signerId(), result.header().uniqueKeyId());
        if (s.type() == SubscriberType.BG) {
          throw new LedgerException(
              Code.AUT_NOT_AUTHORIZED,
              "signer "
                  + result.signerId()
                  + " is a gateway; the ledger serves platforms and DISCOMs",
              "");
        }
      } catch (KeyResolutionException e) {
        throw new Refused(
            "the signer's registry record could not be read: " + e.getMessage(),
            e.kind() == KeyResolutionException.Kind.REGISTRY_UNAVAILABLE);
      }
    }
    return caller;
  }
}
