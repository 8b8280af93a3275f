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
}
