package org.uei.p2p.market.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.market.meter.MeterEnergy;
import org.uei.p2p.market.meter.SlotAggregator;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.market.meter.SlotSums;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;

/**
 * One day's trades grouped by DISCOM, meter and slot: the groups {@link
 * DiscomAllocationRun#forEachMeterSlot} makes, each with its trades in list order, but numbered in
 * order of creation instead of meter by meter. A day's trades mostly come slot by slot, so in that
 * order the meter data of one slot is read for one meter after the other, as an MDMS file lists it,
 * and a trade joins its group without any sorting. Groups are independent of one another, so their
 * order changes no allocation. Reused day after day, so that the meters and the arrays are made
 * once per run; not thread-safe.
 */
final class MeterSlotGroups {
  /** A DISCOM's meter and the last group created for it today, chained back to its earlier ones. */
  private static final class Meter {
    /** The meter's energy per slot, looked up once (by the store, for a meter it knows). */
    final MeterEnergy energy;

    /** The grouping in which {@link #lastGroup} was made; an older one means none yet today. */
    long grouping;

    int lastGroup;

    /** Whether its groups were created in slot order, so that the last has the latest slot. */
    boolean ascending;

    Meter(MeterEnergy energy) {
      this.energy = energy;
    }
  }

  private final SlotAggregator aggregator;
  private final List<String> discomIds;
  private final List<Map<String, Meter>> meters;
  private long grouping;

  // a trade is a member of at most two groups, one per side: two per trade is all there can be
  private int groups;
  private Meter[] meter = new Meter[0];
  private DeliverySlot[] slot = new DeliverySlot[0];
  private int[] previousOfMeter = new int[0];
  private int[] firstMember = new int[0];
  private int[] lastMember = new int[0];

  private int members;
  private int[] member = new int[0];
  private int[] nextMember = new int[0];

  /** Whether member {@code m} is in its group as the buyer: the seller otherwise. */
  private boolean[] buyerMember = new boolean[0];

  /** Groupings for the DISCOMs {@code discomIds}, reading energy through {@code aggregator}. */
  MeterSlotGroups(SlotAggregator aggregator, List<String> discomIds) {
    this.aggregator = aggregator;
    this.discomIds = discomIds;
    meters = new ArrayList<>(discomIds.size());
    for (int d = 0; d < discomIds.size(); d++) {
      meters.add(new HashMap<>());
    }
  }

  /** Groups {@code trades}, forgetting the previous grouping. */
  void group(List<Trade> trades) {
    grouping++;
    groups = 0;
    members = 0;
    int most = 2 * trades.size();
    if (member.length < most) {
      meter = new Meter[most];
      slot = new DeliverySlot[most];
      previousOfMeter = new int[most];
      firstMember = new int[most];
      lastMember = new int[most];
      member = new int[most];
      nextMember = new int[most];
      buyerMember = new boolean[most];
    }
    for (int i = 0; i < trades.size(); i++) {
      Trade t = trades.get(i);
      if (!t.status().isOpen()) {
        continue;
      }
      int buyer = discomIds.indexOf(t.buyer().discomId());
      if (buyer >= 0) {
        join(buyer, t.buyer().meterId(), t.slot(), i, true);
      }
      int seller = discomIds.indexOf(t.seller().discomId());
      if (seller >= 0 && !t.seller().meterId().equals(t.buyer().meterId())) {
        join(seller, t.seller().meterId(), t.slot(), i, false);
      }
    }
  }

  /** Number of groups. */
  int size() {
    return groups;
  }

  /** The energy of group {@code g}'s meter in its slot. */
  SlotEnergy energy(int g) {
    return meter[g].energy.apply(slot[g]);
  }

  /**
   * {@link #energy} of group {@code g} read into {@code sums}, if the store can: see {@link
   * MeterEnergy#read}.
   */
  boolean read(int g, SlotSums sums) {
    return meter[g].energy.read(slot[g], sums);
  }

  /** Slot of group {@code g}. */
  DeliverySlot slot(int g) {
    return slot[g];
  }

  /** First member of group {@code g}: an index into {@link #trade(int)}. */
  int first(int g) {
    return firstMember[g];
  }

  /** The member after {@code m} in its group, or -1. */
  int next(int m) {
    return nextMember[m];
  }

  /**
   * The side of member {@code m}'s trade that its group's meter is on. A trade with one meter on
   * both sides is in no group as the seller, so the buyer's meter of a trade in a group as the
   * seller is another one: the side is what {@link MeterAllocator} finds comparing meter ids.
   */
  TradeSide side(int m) {
    return buyerMember[m] ? TradeSide.BUYER : TradeSide.SELLER;
  }

  /** Index in the day's trades of member {@code m}. */
  int trade(int m) {
    return member[m];
  }

  private void join(int discom, String meterId, DeliverySlot s, int trade, boolean asBuyer) {
    Meter m = meters.get(discom).get(meterId);
    if (m == null) {
      m = new Meter(aggregator.forMeter(meterId));
      meters.get(discom).put(meterId, m);
    }
    int g;
    if (m.grouping != grouping) {
      m.grouping = grouping;
      m.ascending = true;
      g = newGroup(m, s, -1);
      m.lastGroup = g;
    } else {
      DeliverySlot last = slot[m.lastGroup];
      int c = last == s ? 0 : last.compareTo(s);
      g = c == 0 ? m.lastGroup : c < 0 && m.ascending ? -1 : earlierGroup(m.lastGroup, s);
      if (g < 0) {
        m.ascending &= c < 0;
        g = newGroup(m, s, m.lastGroup);
        m.lastGroup = g;
      }
    }
    member[members] = trade;
    nextMember[members] = -1;
    buyerMember[members] = asBuyer;
    if (firstMember[g] < 0) {
      firstMember[g] = members;
    } else {
      nextMember[lastMember[g]] = members;
    }
    lastMember[g] = members;
    members++;
  }

  /** The group of slot {@code s} among those made for a meter before {@code last}, or -1. */
  private int earlierGroup(int last, DeliverySlot s) {
    for (int g = previousOfMeter[last]; g >= 0; g = previousOfMeter[g]) {
      if (slot[g].equals(s)) {
        return g;
      }
    }
    return -1;
  }

  private int newGroup(Meter m, DeliverySlot s, int previous) {
    meter[groups] = m;
    slot[groups] = s;
    previousOfMeter[groups] = previous;
    firstMember[groups] = -1;
    return groups++;
  }
}
