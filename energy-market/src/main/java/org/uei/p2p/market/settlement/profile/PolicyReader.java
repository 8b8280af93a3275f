package org.uei.p2p.market.settlement.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uei.p2p.market.settlement.CurtailmentTreatment;
import org.uei.p2p.market.settlement.SettlementPolicy;
import org.uei.p2p.model.trade.TradeSide;

/**
 * Reads the merged settings into a {@link SettlementProfile}, collecting every problem. The keys
 * (DISCOM ids are UPADHI codes, states two-letter codes):
 *
 * <pre>
 * profile, version, title, source        what the values are and where they come from
 * currency                               ISO 4217, default INR
 * fee.per-kwh, fee.buyer-share           platform transaction charge and the buyer's share of it
 * fee.cap-per-kwh                        the network's cap on that charge
 * network-charges.borne-by               BUYER or SELLER
 * wheeling.SELLER_DISCOM.BUYER_DISCOM    wheeling per kWh
 * inter-state.SELLER_STATE.BUYER_STATE   inter-state charge per kWh
 * discom.DISCOM.state                    state of a DISCOM
 * tariff.DISCOM, tariff.default          tariff unsettled kWh fall back to
 * under-injection.DISCOM|default         seller's deviation rate (default: tariff)
 * under-drawal.DISCOM|default            buyer's deviation rate (default: tariff)
 * payment.due-after                      ISO-8601 duration after final allocation
 * curtailment                            REDUCE_CONTRACT or DISCOM_DEVIATION
 * eligibility.max-sanctioned-load-kw, eligibility.max-re-capacity-percent
 * trading.modes, unmatched-demand, unsold-surplus, cross-subsidy-surcharge   the order's other rules
 * </pre>
 */
final class PolicyReader {
  private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern PAIR = Pattern.compile("(wheeling|inter-state)\\.([^.]+)\\.([^.]+)");
  private static final Pattern PER_DISCOM =
      Pattern.compile("(tariff|under-injection|under-drawal)\\.([^.]+)");
  private static final Pattern STATE = Pattern.compile("discom\\.([^.]+)\\.state");
  private static final Set<String> FACTS =
      Set.of("trading.modes", "unmatched-demand", "unsold-surplus", "cross-subsidy-surcharge");
  private static final Set<String> PLAIN =
      Set.of(
          "profile",
          "version",
          "title",
          "source",
          "currency",
          "fee.per-kwh",
          "fee.buyer-share",
          "fee.cap-per-kwh",
          "network-charges.borne-by",
          "payment.due-after",
          "curtailment",
          "eligibility.max-sanctioned-load-kw",
          "eligibility.max-re-capacity-percent");

  private final Map<String, PolicySettings.Setting> values;
  private final List<String> problems = new ArrayList<>();

  PolicyReader(Map<String, PolicySettings.Setting> values) {
    this.values = values;
  }

  SettlementProfile read() {
    Map<String, BigDecimal> wheeling = new HashMap<>();
    Map<String, BigDecimal> interState = new HashMap<>();
    Map<String, String> states = new HashMap<>();
    Map<String, BigDecimal> tariffs = new HashMap<>();
    Map<String, BigDecimal> underInjection = new HashMap<>();
    Map<String, BigDecimal> underDrawal = new HashMap<>();
    Map<String, String> facts = new TreeMap<>();
    for (Map.Entry<String, PolicySettings.Setting> e : values.entrySet()) {
      String key = e.getKey();
      PolicySettings.Setting s = e.getValue();
      Matcher m;
      if (PLAIN.contains(key)) {
        continue;
      } else if (FACTS.contains(key)) {
        facts.put(key, s.value());
      } else if ((m = PAIR.matcher(key)).matches()) {
        Map<String, BigDecimal> target = m.group(1).equals("wheeling") ? wheeling : interState;
        String pair = SettlementPolicy.pairKey(m.group(2), m.group(3));
        if (code(m.group(2), s) && code(m.group(3), s)) {
          rate(s).ifPresent(r -> target.put(pair, r));
        }
      } else if ((m = PER_DISCOM.matcher(key)).matches()) {
        String discom = m.group(2);
        if (m.group(1).equals("tariff") && discom.equals("default")) {
          continue;
        }
        Map<String, BigDecimal> target =
            switch (m.group(1)) {
              case "tariff" -> tariffs;
              case "under-injection" -> underInjection;
              default -> underDrawal;
            };
        if (code(discom, s)) {
          rate(s).ifPresent(r -> target.put(discom.equals("default") ? "*" : discom, r));
        }
      } else if ((m = STATE.matcher(key)).matches()) {
        if (code(m.group(1), s) && code(s.value(), s)) {
          states.put(m.group(1), s.value());
        }
      } else {
        problems.add(
            s.origin()
                + ": unknown setting '"
                + key
                + "' (known: "
                + String.join(", ", known())
                + ")");
      }
    }
    BigDecimal fee = rate("fee.per-kwh").orElse(BigDecimal.ZERO);
    BigDecimal share = rate("fee.buyer-share").orElse(new BigDecimal("0.5"));
    if (share.compareTo(BigDecimal.ONE) > 0) {
      problems.add(
          values.get("fee.buyer-share").origin()
              + ": buyer share "
              + share.toPlainString()
              + " must be between 0 and 1");
    }
    Optional<BigDecimal> cap = rate("fee.cap-per-kwh");
    if (cap.isPresent() && fee.compareTo(cap.get()) > 0) {
      problems.add(
          values.get("fee.per-kwh").origin()
              + ": platform fee "
              + fee.toPlainString()
              + " per kWh is above the cap of "
              + cap.get().toPlainString()
              + " ("
              + values.get("fee.cap-per-kwh").origin()
              + ")");
    }
    TradeSide bearer = choice("network-charges.borne-by", TradeSide.class).orElse(TradeSide.BUYER);
    CurtailmentTreatment curtailment =
        choice("curtailment", CurtailmentTreatment.class)
            .orElse(CurtailmentTreatment.REDUCE_CONTRACT);
    Duration due = duration("payment.due-after").orElse(Duration.ofHours(72));
    String currency = text("currency").orElse("INR");
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      problems.add(
          values.get("currency").origin()
              + ": '"
              + currency
              + "' is not an ISO 4217 currency code");
    }
    Eligibility eligibility =
        new Eligibility(
            rate("eligibility.max-sanctioned-load-kw").orElse(null),
            rate("eligibility.max-re-capacity-percent").orElse(null));
    BigDecimal defaultTariff = rate("tariff.default").orElse(BigDecimal.ZERO);
    if (!problems.isEmpty()) {
      throw new PolicySettingsException(problems);
    }
    SettlementPolicy policy =
        new SettlementPolicy(
            fee,
            share,
            wheeling,
            interState,
            states,
            bearer,
            tariffs,
            defaultTariff,
            due,
            underInjection,
            underDrawal,
            curtailment);
    return new SettlementProfile(
        text("profile").orElse("custom"),
        text("version").orElse("-"),
        text("title").orElse(""),
        text("source").orElse(""),
        currency,
        policy,
        cap,
        eligibility,
        facts);
  }

  private static List<String> known() {
    return List.of(
        "currency",
        "fee.per-kwh",
        "fee.buyer-share",
        "fee.cap-per-kwh",
        "network-charges.borne-by",
        "wheeling.SELLER_DISCOM.BUYER_DISCOM",
        "inter-state.SELLER_STATE.BUYER_STATE",
        "discom.DISCOM.state",
        "tariff.DISCOM|default",
        "under-injection.DISCOM|default",
        "under-drawal.DISCOM|default",
        "payment.due-after",
        "curtailment",
        "eligibility.max-sanctioned-load-kw",
        "eligibility.max-re-capacity-percent",
        "trading.modes",
        "unmatched-demand",
        "unsold-surplus",
        "cross-subsidy-surcharge");
  }

  private boolean code(String code, PolicySettings.Setting s) {
    if (CODE.matcher(code).matches()) {
      return true;
    }
    problems.add(s.origin() + ": '" + code + "' is not a DISCOM or state code");
    return false;
  }

  private Optional<String> text(String key) {
    PolicySettings.Setting s = values.get(key);
    return s == null || s.value().isEmpty() ? Optional.empty() : Optional.of(s.value());
  }

  private Optional<BigDecimal> rate(String key) {
    PolicySettings.Setting s = values.get(key);
    return s == null ? Optional.empty() : rate(s);
  }

  /** A rate or amount: a plain decimal, not negative, as written (its decimals are kept). */
  private Optional<BigDecimal> rate(PolicySettings.Setting s) {
    try {
      BigDecimal v = new BigDecimal(s.value());
      if (v.signum() < 0) {
        problems.add(s.origin() + ": " + s.value() + " must not be negative");
        return Optional.empty();
      }
      return Optional.of(v);
    } catch (NumberFormatException e) {
      problems.add(s.origin() + ": '" + s.value() + "' is not a number");
      return Optional.empty();
    }
  }

  private <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
    PolicySettings.Setting s = values.get(key);
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, s.value().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      problems.add(s.origin() + ": '" + s.value() + "' is not one of " + String.join(", ", names));
      return Optional.empty();
    }
  }

  private Optional<Duration> duration(String key) {
    PolicySettings.Setting s = values.get(key);
    if (s == null) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.parse(s.value());
      if (d.isNegative()) {
        problems.add(s.origin() + ": " + s.value() + " must not be negative");
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (DateTimeParseException e) {
      problems.add(s.origin() + ": '" + s.value() + "' is not an ISO-8601 duration such as PT72H");
      return Optional.empty();
    }
  }
}
