package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.wire.WireReader;
import org.uei.p2p.node.wire.Wires;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Builds the stages that are plain Java from the node's configuration: the one place that knows
 * both the stages and Quarkus, so that each stage can be constructed and tested alone.
 */
@ApplicationScoped
public class InboundStages {

  @Produces
  @Singleton
  BodySizeStage bodySize(NodeConfig config) {
    return new BodySizeStage(config.maxBodyBytes());
  }

  @Produces
  @Singleton
  HeaderSizeStage headerSize(NodeConfig config) {
    return new HeaderSizeStage(config.inbound().maxHeaderBytes());
  }

  @Produces
  @Singleton
  SignatureStage signature(BecknVerifier verifier, NodeConfig config, NodeIdentity identity) {
    return new SignatureStage(
        verifier, config.testing().insecureSkipSignatureVerification(), identity.subscriberId());
  }

  @Produces
  @Singleton
  ParseStage parse(NodeConfig config, BecknHandler handler) {
    return new ParseStage(new WireReader(Wires.parse(config.wire()), handler::accepts));
  }

  @Produces
  @Singleton
  ValidateStage validate(NodeConfig config) {
    boolean strict = config.validation().strict();
    Wave1Validator wave1 = strict ? Wave1Validator.strict() : Wave1Validator.lenient();
    Wave2Validator wave2 = strict ? Wave2Validator.strict() : Wave2Validator.lenient();
    UeiV1Validator ueiV1 = strict ? UeiV1Validator.strict() : UeiV1Validator.lenient();
    return new ValidateStage(wave1::validate, wave2::validate, ueiV1::validate);
  }

  @Produces
  @Singleton
  DomainStage domain(NodeConfig config) {
    return new DomainStage(config.domain().orElse(null), config.networkId().orElse(null));
  }

  @Produces
  @Singleton
  ContextTimesStage contextTimes(NodeConfig config) {
    return new ContextTimesStage(ContextTimes.of(config));
  }

  @Produces
  @Singleton
  SenderBindingStage senderBinding(NodeIdentity identity) {
    return new SenderBindingStage(identity.subscriberId());
  }

  @Produces
  @Singleton
  SenderUriStage senderUri(RegistryKeyResolver keys, NodeConfig config) {
    return new SenderUriStage(
        (id, keyId) -> keys.resolveSubscriber(id, keyId).url(),
        config.inbound().maxUrlLength(),
        config.inbound().requireRegisteredUri());
  }
}
