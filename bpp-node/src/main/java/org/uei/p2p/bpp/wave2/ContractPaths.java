package org.uei.p2p.bpp.wave2;

import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.beckn.OrderPaths;
import org.uei.p2p.model.wave2.Commitment;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * Where the lines of a wave-2 contract sit: line {@code i} is the {@code i}-th interval over all
 * commitments in wire order, as the codec reads them, so a refusal names the buyer's own interval.
 */
final class ContractPaths implements OrderPaths {

  private final Contract contract;
  private final List<String> commitments = new ArrayList<>();
  private final List<String> intervals = new ArrayList<>();

  ContractPaths(Contract contract) {
    this.contract = contract;
    for (Commitment c : contract.commitments()) {
      TimeSeries ts = c == null ? null : c.commitmentAttributes();
      if (ts == null) {
        continue;
      }
      for (TimeSeries.Interval in : ts.intervals()) {
        if (in != null) {
          commitments.add(c.path());
          intervals.add(in.path());
        }
      }
    }
  }

  private String commitment(int i) {
    return i < commitments.size() ? commitments.get(i) : contract.pathOf("commitments");
  }

  private String interval(int i) {
    return i < intervals.size() ? intervals.get(i) : contract.pathOf("commitments");
  }

  @Override
  public String offer(int i) {
    return commitment(i) + ".offer.id";
  }

  @Override
  public String slot(int i) {
    return interval(i) + ".id";
  }

  @Override
  public String provider(int i) {
    return commitment(i) + ".offer.provider.id";
  }

  @Override
  public String quantity(int i) {
    return interval(i) + ".payloads[type=" + TimeSeries.REQUESTED_QTY + "]";
  }

  @Override
  public String price(int i) {
    return interval(i) + ".payloads[type=" + TimeSeries.PRICE_PER_KWH + "]";
  }

  @Override
  public String buyerMeter() {
    return contract
        .participantInRole(DegContract.BUYER_PLATFORM)
        .map(p -> p.pathOf("participantAttributes.meterId"))
        .orElse(contract.pathOf("participants"));
  }

  @Override
  public String sellerPlatform() {
    return contract.pathOf("contractAttributes.roles[role=" + DegContract.SELLER_PLATFORM + "]");
  }

  @Override
  public String order() {
    return contract.path();
  }
}
