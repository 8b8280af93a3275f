package org.uei.p2p.examples.network;

import java.util.List;

/**
 * Who takes part in the UEI v1 demo day, the UP pilot's intra-DISCOM trading in Lucknow: two
 * rooftop-solar prosumers of MVVNL on the Lucknow seller platform, MVVNL consumers (and one PVVNL
 * consumer from outside the pilot's DISCOM) on the Lucknow buyer platform.
 */
final class UeiV1Cast {
  private UeiV1Cast() {}

  /** The DISCOM of the pilot: Madhyanchal Vidyut Vitran Nigam, Lucknow (UPADHI short code). */
  static final String DISCOM = "MVVNL";

  /** Lucknow's STD code, the {@code context.location.city.code} of every message. */
  static final String CITY = "std:0522";

  /** A consumer on the buyer platform and the DISCOM its meter belongs to. */
  record Consumer(String id, String name, String meterId, String discom) {}

  /**
   * A purchase through the buyer platform: who asks how much of which prosumer's offer, and what
   * refuses it (null when it should become an ACTIVE order).
   */
  record Purchase(Consumer buyer, DemoCast.Prosumer seller, int kwh, String refusedWith) {}

  static final DemoCast.Prosumer GOMTI =
      new DemoCast.Prosumer(
          "pros-gomti-01", "Gomti Nagar rooftop", "UP-MVVNL-LKO-2001", 5, 10, "5.80", 4);
  static final DemoCast.Prosumer ALIGANJ =
      new DemoCast.Prosumer(
          "pros-aliganj-02", "Aliganj girls' school", "UP-MVVNL-LKO-2002", 10, 11, "5.50", 8);
  static final List<DemoCast.Prosumer> PROSUMERS = List.of(GOMTI, ALIGANJ);

  static final Consumer INDIRA =
      new Consumer("cons-indira-01", "Indira Nagar household", "UP-MVVNL-LKO-3001", DISCOM);
  static final Consumer HAZRATGANJ =
      new Consumer("cons-hazratganj-02", "Hazratganj bakery", "UP-MVVNL-LKO-3002", DISCOM);
  static final Consumer MEERUT =
      new Consumer("cons-meerut-03", "Meerut workshop", "UP-PVVNL-MRT-3101", "PVVNL");

  /**
   * The day's purchases: the bakery first asks more than the school offers (40002), the Meerut
   * workshop is a PVVNL consumer, outside the intra-DISCOM pilot (50000); the household and the
   * bakery get ACTIVE orders, the bakery filling the school's offer partly.
   */
  static final List<Purchase> PURCHASES =
      List.of(
          new Purchase(HAZRATGANJ, ALIGANJ, 10, "40002"),
          new Purchase(MEERUT, ALIGANJ, 2, "50000"),
          new Purchase(INDIRA, GOMTI, 4, null),
          new Purchase(HAZRATGANJ, ALIGANJ, 5, null));

  /**
   * MVVNL's MDMS file of the delivery day, 15-, 30- and 60-minute blocks of every meter that
   * traded: the Gomti Nagar rooftop injects only 3.40 of the 4 kWh it sold, the school 5.30 of its
   * 5; the household draws 4.20 of its 4, the bakery only 4.50 of its 5.
   */
  static final List<DemoCast.Reading> MVVNL_MDMS =
      List.of(
          new DemoCast.Reading(GOMTI.meterId(), 10, 0, 15, "0", "0.80"),
          new DemoCast.Reading(GOMTI.meterId(), 10, 15, 15, "0", "0.85"),
          new DemoCast.Reading(GOMTI.meterId(), 10, 30, 15, "0", "0.90"),
          new DemoCast.Reading(GOMTI.meterId(), 10, 45, 15, "0", "0.85"),
          new DemoCast.Reading(ALIGANJ.meterId(), 11, 0, 30, "0", "2.60"),
          new DemoCast.Reading(ALIGANJ.meterId(), 11, 30, 30, "0", "2.70"),
          new DemoCast.Reading(INDIRA.meterId(), 10, 0, 60, "4.20", "0"),
          new DemoCast.Reading(HAZRATGANJ.meterId(), 11, 0, 30, "2.00", "0"),
          new DemoCast.Reading(HAZRATGANJ.meterId(), 11, 30, 30, "2.50", "0"));

  /** What each ACTIVE order settles, in the order of {@link #PURCHASES}: min of both sides. */
  static final List<String> SETTLED_KWH = List.of("3.40", "4.50");
}
