package org.uei.p2p.examples.network;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who takes part in the demo's trading day and what their meters record: three rooftop-solar
 * prosumers of PVVNL (Uttar Pradesh) selling through the UP seller platform, three consumers of
 * TPDDL (Delhi) buying through the Delhi buyer platform.
 */
final class DemoCast {
  private DemoCast() {}

  /** A prosumer on the seller platform and its one offer for the delivery day. */
  record Prosumer(
      String id,
      String name,
      String meterId,
      int capacityKw,
      int slotHour,
      String pricePerKwh,
      int offeredKwh) {}

  /** A consumer on the buyer platform. */
  record Consumer(String id, String name, String meterId, int sanctionedLoadKw) {}

  /**
   * One MDMS row: a meter's import and export over a block starting {@code minute} minutes after
   * {@code hour}:00 IST on the delivery day.
   */
  record Reading(
      String meterId, int hour, int minute, int blockMinutes, String importKwh, String exportKwh) {}

  static final List<Prosumer> PROSUMERS =
      List.of(
          new Prosumer(
              "pros-agra-01", "Sharma rooftop, Agra", "UP-PVVNL-AGR-1001", 5, 10, "6.50", 4),
          new Prosumer(
              "pros-meerut-02", "Meerut public school", "UP-PVVNL-MRT-1002", 10, 11, "6.20", 8),
          new Prosumer(
              "pros-noida-03", "Noida housing society", "UP-PVVNL-NOI-1003", 8, 12, "5.90", 6));

  static final List<Consumer> CONSUMERS =
      List.of(
          new Consumer("cons-rohini-01", "Rohini household", "DL-TPDDL-0101", 5),
          new Consumer("cons-pitampura-02", "Pitampura clinic", "DL-TPDDL-0102", 8),
          new Consumer("cons-shalimar-03", "Shalimar Bagh flat", "DL-TPDDL-0103", 2));

  /**
   * The PVVNL meter data of the delivery day, 15- and 30-minute blocks: Agra injects only 3.2 of
   * the 4 kWh it sold (it under-delivers), Meerut 4 kWh after the 1 kWh curtailment, Noida 2.4.
   */
  static final List<Reading> PVVNL_MDMS =
      List.of(
          new Reading("UP-PVVNL-AGR-1001", 10, 0, 15, "0", "0.80"),
          new Reading("UP-PVVNL-AGR-1001", 10, 15, 15, "0", "0.80"),
          new Reading("UP-PVVNL-AGR-1001", 10, 30, 15, "0", "0.85"),
          new Reading("UP-PVVNL-AGR-1001", 10, 45, 15, "0", "0.75"),
          new Reading("UP-PVVNL-MRT-1002", 11, 0, 30, "0", "2.10"),
          new Reading("UP-PVVNL-MRT-1002", 11, 30, 30, "0", "1.90"),
          new Reading("UP-PVVNL-NOI-1003", 12, 0, 30, "0", "1.20"),
          new Reading("UP-PVVNL-NOI-1003", 12, 30, 30, "0", "1.20"));

  /** The TPDDL meter data of the delivery day: every consumer draws at least what it bought. */
  static final List<Reading> TPDDL_MDMS =
      List.of(
          new Reading("DL-TPDDL-0101", 10, 0, 60, "4.50", "0"),
          new Reading("DL-TPDDL-0102", 11, 0, 30, "3.00", "0"),
          new Reading("DL-TPDDL-0102", 11, 30, 30, "3.10", "0"),
          new Reading("DL-TPDDL-0103", 12, 0, 60, "2.20", "0"));

  static BigDecimal kwh(String s) {
    return new BigDecimal(s);
  }
}
