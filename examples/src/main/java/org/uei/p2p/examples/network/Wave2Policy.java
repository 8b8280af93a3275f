package org.uei.p2p.examples.network;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local wave-2 network's policy file (format in energy-market's README): the IES test network's
 * rules, with ledger URLs checked against the DISCOMs' registry records, wheeling charged on both
 * sides so that the revenue flows show every party, and BRPL's consumers not allowed to buy.
 */
final class Wave2Policy {
  /** Wheeling the buyer DISCOM charges per settled kWh. */
  static final BigDecimal WHEELING_BUYER = new BigDecimal("0.10");

  /** Wheeling the seller DISCOM charges per settled kWh. */
  static final BigDecimal WHEELING_SELLER = new BigDecimal("0.05");

  private Wave2Policy() {}

  static Path write(Path file, String networkId) throws IOException {
    String json =
        """
        {
          "currencies": ["INR"],
          "policyQueryPath": "data.deg.contracts.p2p_trading",
          "tradingWindow": {"opensBefore": "PT24H", "gateClosureBefore": "PT4H"},
          "charges": {
            "wheelingBuyerPerKwh": %s,
            "wheelingSellerPerKwh": %s,
            "penaltyPerKwh": 0,
            "platformChargeCapPerKwh": 0.42
          },
          "environments": {
            "local": {
              "production": false,
              "networkIds": ["%s"],
              "approvedDiscoms": ["TPDDL", "PVVNL", "BRPL"],
              "applicableSellerDiscoms": ["TPDDL", "PVVNL"],
              "enforceAllowlist": true,
              "allowedBuyerDiscoms": ["TPDDL", "PVVNL"],
              "allowedDiscomPairs": [],
              "interDiscomOnly": true,
              "blockedPartners": [],
              "ledgerUrls": {"source": "registry", "allowed": []},
              "testMeterPrefix": "TEST_"
            }
          }
        }
        """
            .formatted(WHEELING_BUYER, WHEELING_SELLER, networkId);
    Files.writeString(file, json);
    return file;
  }
}
