package org.uei.p2p.examples.network;

import java.util.List;

/**
 * Who takes part in the wave-2 demo day and what their meters record: two rooftop-solar prosumers
 * of PVVNL (Uttar Pradesh) on the UP seller platform, consumers of TPDDL and one of BRPL (Delhi) on
 * the Delhi buyer platform. Every meter is a {@code TEST_} meter, as the IES test network requires.
 */
final class Wave2Cast {
  private Wave2Cast() {}

  /** A consumer on the buyer platform and the DISCOM its meter belongs to. */
  record Consumer(String id, String name, String meterId, String discom, int sanctionedLoadKw) {}

  /**
   * A purchase: who buys how much of which prosumer's offer, and the FINAL_ALLOC the day should
   * settle (null when the network refuses it).
   */
  record Purchase(
      Consumer buyer, DemoCast.Prosumer seller, int kwh, String refusedBy, String finalKwh) {}

  /** A meter's import and export in the hour starting at {@code hour}:00 IST of the day. */
  record Reading(String meterId, int hour, String importKwh, String exportKwh) {}

  static final DemoCast.Prosumer AGRA =
      new DemoCast.Prosumer(
          "pros-agra-01", "Sharma rooftop, Agra", "TEST_UP_PVVNL_AGR_1001", 5, 10, "6.50", 4);
  static final DemoCast.Prosumer MEERUT =
      new DemoCast.Prosumer(
          "pros-meerut-02", "Meerut public school", "TEST_UP_PVVNL_MRT_1002", 10, 11, "6.20", 8);
  static final List<DemoCast.Prosumer> PROSUMERS = List.of(AGRA, MEERUT);

  static final Consumer ROHINI =
      new Consumer("cons-rohini-01", "Rohini household", "TEST_DL_TPDDL_0101", "TPDDL", 5);
  static final Consumer PITAMPURA =
      new Consumer("cons-pitampura-02", "Pitampura clinic", "TEST_DL_TPDDL_0102", "TPDDL", 8);
  static final Consumer SHALIMAR =
      new Consumer("cons-shalimar-03", "Shalimar Bagh flat", "TEST_DL_TPDDL_0103", "TPDDL", 2);
  static final Consumer LAJPAT =
      new Consumer("cons-lajpat-04", "Lajpat Nagar shop", "TEST_DL_BRPL_0201", "BRPL", 5);
  static final List<Consumer> TPDDL_CONSUMERS = List.of(ROHINI, PITAMPURA, SHALIMAR);

  /**
   * The day's purchases: BRPL's shop is refused by the contract policy, the flat by TPDDL (3 kWh in
   * an hour is above its 2 kW sanctioned load); the household and the clinic get ACTIVE contracts,
   * the clinic filling Meerut's offer partly.
   */
  static final List<Purchase> PURCHASES =
      List.of(
          new Purchase(LAJPAT, MEERUT, 2, "CON-BUYER-DISCOM", null),
          new Purchase(SHALIMAR, MEERUT, 3, "BUYER_CAP", null),
          new Purchase(ROHINI, AGRA, 4, null, "3.20"),
          new Purchase(PITAMPURA, MEERUT, 5, null, "4.00"));

  /**
   * PVVNL's meter data of the delivery day: Agra injects only 3.2 of the 4 kWh it sold, Meerut all
   * 5 kWh of its contract.
   */
  static final List<Reading> PVVNL_ACTUALS =
      List.of(
          new Reading(AGRA.meterId(), 10, "0", "3.20"),
          new Reading(MEERUT.meterId(), 11, "0", "5.00"));

  /**
   * TPDDL's meter data: the household draws more than it bought, the clinic only 4 of its 5 kWh.
   */
  static final List<Reading> TPDDL_ACTUALS =
      List.of(
          new Reading(ROHINI.meterId(), 10, "4.50", "0"),
          new Reading(PITAMPURA.meterId(), 11, "4.00", "0"));
}
