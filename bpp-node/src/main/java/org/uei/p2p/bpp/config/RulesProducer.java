package org.uei.p2p.bpp.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.uei.p2p.market.rules.TradingRules;

/**
 * The network's trading rules as configured ({@code uei.bpp.rules.*}), for everything that judges
 * trades.
 */
@ApplicationScoped
public class RulesProducer {

  @Produces
  @Singleton
  TradingRules rules(BppConfig config) {
    BppConfig.Rules r = config.rules();
    TradingRules base =
        TradingRules.ies()
            .withTestNetwork(r.testNetwork())
            .withTradingWindow(r.tradingOpensBefore(), r.gateClosureBefore());
    return r.allowedDiscoms().map(base::withAllowedDiscoms).orElse(base);
  }
}
