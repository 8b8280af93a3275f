package org.uei.p2p.bpp.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.uei.p2p.bpp.catalog.CatalogRequests.NewOffer;
import org.uei.p2p.bpp.catalog.CatalogRequests.NewProsumer;
import org.uei.p2p.bpp.catalog.CatalogRequests.OfferChange;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.credential.ProsumerCredentials;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.domain.Refusal;

/** Prosumers and their slot offers: registration, publishing, changes, withdrawal and listing. */
@ApplicationScoped
public class CatalogService {

  private static final Duration SLOT = Duration.ofHours(1);

  private static final int MAX_CREDENTIAL_CHARS = 65536;

  @Inject BppConfig config;
  @Inject ProsumerCredentials credentials;
  @Inject org.uei.p2p.market.rules.TradingRules rules;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  /** Registers a prosumer; its id and meter must be new. */
  @Transactional
  public Prosumer register(NewProsumer r) {
    require(r != null, "a body is required");
    requireText(r.id(), "id");
    requireText(r.meterId(), "meterId");
    requireText(r.discomId(), "discomId");
    require(
        r.installedCapacityKw() != null && r.installedCapacityKw().signum() > 0,
        "installedCapacityKw must be greater than 0");
    fits(r.installedCapacityKw(), 9, 3, "installedCapacityKw");
    optionalText(r.name(), "name");
    optionalText(r.stateCode(), "stateCode");
    optionalText(r.sourceType(), "sourceType");
    if (Prosumer.findById(r.id()) != null) {
      throw Refusal.conflict("prosumer '" + r.id() + "' is already registered");
    }
    if (Prosumer.count("meterId", r.meterId()) > 0) {
      throw Refusal.conflict("meter '" + r.meterId() + "' is already registered");
    }
    String credential = credentialText(r.credential());
    credentials
        .problem(credential, r.discomId(), r.meterId(), r.installedCapacityKw())
        .ifPresent(
            problem -> {
              throw Refusal.invalid(problem);
            });
    Prosumer p = new Prosumer();
    p.id = r.id();
    p.name = r.name();
    p.meterId = r.meterId();
    p.discomId = r.discomId();
    p.stateCode = r.stateCode();
    p.installedCapacityKw = r.installedCapacityKw();
    p.sourceType = r.sourceType() == null ? "SOLAR" : r.sourceType().toUpperCase(Locale.ROOT);
    p.createdAt = Instant.now();
    p.credential = credential;
    p.persist();
    return p;
  }

  /** The credential as text: a VC-JWT string as it is, a JSON credential compact; bounded. */
  private static String credentialText(com.fasterxml.jackson.databind.JsonNode c) {
    if (c == null || c.isNull()) {
      return null;
    }
    require(c.isObject() || c.isTextual(), "credential must be a JSON object or a VC-JWT string");
    String text = c.isTextual() ? c.asText() : c.toString();
    require(text.length() <= MAX_CREDENTIAL_CHARS, "credential is longer than 65536 characters");
    return text;
  }

  @Transactional
  public List<Prosumer> prosumers() {
    return Prosumer.listAll();
  }

  /** Publishes an offer for one whole 1-hour slot, capped by the prosumer's installed capacity. */
  @Transactional
  public SlotOffer publish(NewOffer r) {
    require(r != null, "a body is required");
    Prosumer p = prosumer(r.prosumerId());
    if (credentials.required()) {
      credentials
          .problem(p.credential, p.discomId, p.meterId, p.installedCapacityKw)
          .ifPresent(
              problem -> {
                throw Refusal.invalid("prosumer '" + p.id + "' may not offer: " + problem);
              });
    }
    require(r.slotStart() != null, "slotStart is required");
    java.time.ZonedDateTime local = r.slotStart().atZone(rules.zone());
    require(
        local.truncatedTo(ChronoUnit.HOURS).equals(local),
        "slotStart must be on the hour in "
            + rules.zone()
            + " (1-hour delivery slots), not "
            + local.toLocalTime());
    String id = r.id() == null || r.id().isBlank() ? "offer-" + UUID.randomUUID() : r.id();
    optionalText(id, "id");
    optionalText(r.networkId(), "networkId");
    if (SlotOffer.findById(id) != null) {
      throw Refusal.conflict("offer '" + id + "' already exists");
    }
    SlotOffer o = new SlotOffer();
    o.id = id;
    o.prosumerId = p.id;
    o.networkId =
        r.networkId() == null || r.networkId().isBlank() ? config.networkId() : r.networkId();
    o.slotStart = r.slotStart();
    o.slotEnd = r.slotStart().plus(SLOT);
    o.currency = currency(r.currency());
    o.pricePerKwh = price(r.pricePerKwh());
    o.maxKwh = energy(r.maxKwh(), "maxKwh");
    require(
        o.maxKwh.compareTo(p.installedCapacityKw) <= 0,
        "maxKwh "
            + o.maxKwh.toPlainString()
            + " is more than the installed capacity allows in one hour ("
            + p.installedCapacityKw.toPlainString()
            + " kWh)");
    o.availableKwh = o.maxKwh;
    o.validFrom = r.validFrom() == null ? marketClock.now() : r.validFrom();
    o.validUntil =
        r.validUntil() == null ? r.slotStart().minus(rules.gateClosureBefore()) : r.validUntil();
    require(
        o.validUntil.isAfter(o.validFrom),
        "validUntil " + o.validUntil + " must be after validFrom " + o.validFrom);
    o.status = OfferStatus.ACTIVE;
    o.updatedAt = Instant.now();
    o.persist();
    return o;
  }

  /** Changes price, size or validity; the size cannot drop below what is already sold. */
  @Transactional
  public SlotOffer change(String offerId, OfferChange r) {
    require(r != null, "a body is required");
    SlotOffer o = SlotOffer.findById(offerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (o == null) {
      throw Refusal.notFound("no offer '" + offerId + "'");
    }
    require(o.status == OfferStatus.ACTIVE, "offer '" + offerId + "' was withdrawn");
    if (r.pricePerKwh() != null) {
      o.pricePerKwh = price(r.pricePerKwh());
    }
    if (r.maxKwh() != null) {
      BigDecimal max = energy(r.maxKwh(), "maxKwh");
      BigDecimal sold = o.maxKwh.subtract(o.availableKwh);
      require(
          max.compareTo(sold) >= 0,
          "maxKwh cannot drop below the " + sold.toPlainString() + " kWh already sold");
      Prosumer p = Prosumer.findById(o.prosumerId);
      require(
          max.compareTo(p.installedCapacityKw) <= 0,
          "maxKwh is more than the installed capacity allows");
      o.availableKwh = max.subtract(sold);
      o.maxKwh = max;
    }
    if (r.validFrom() != null) {
      o.validFrom = r.validFrom();
    }
    if (r.validUntil() != null) {
      o.validUntil = r.validUntil();
    }
    require(o.validUntil.isAfter(o.validFrom), "validUntil must be after validFrom");
    o.updatedAt = Instant.now();
    return o;
  }

  /** Takes an offer out of the catalog; confirmed orders stand. */
  @Transactional
  public SlotOffer withdraw(String offerId) {
    SlotOffer o = SlotOffer.findById(offerId);
    if (o == null) {
      throw Refusal.notFound("no offer '" + offerId + "'");
    }
    o.status = OfferStatus.WITHDRAWN;
    o.updatedAt = Instant.now();
    return o;
  }

  /** Offers a buyer can take now: active, within validity, energy left. */
  @Transactional
  public List<SlotOffer> openOffers(Instant now) {
    return SlotOffer.list(
        "status = ?1 and validFrom <= ?2 and validUntil > ?2 and availableKwh > 0 order by slotStart, id",
        OfferStatus.ACTIVE,
        now);
  }

  /** An offer by id. */
  @Transactional
  public Optional<SlotOffer> offer(String offerId) {
    return SlotOffer.findByIdOptional(offerId);
  }

  /** The meter and DISCOM that deliver an offer's energy. */
  @Transactional
  public MeterPoint sellerMeter(SlotOffer o) {
    Prosumer p = Prosumer.findById(o.prosumerId);
    return new MeterPoint(p.meterId, p.discomId);
  }

  /** Why the prosumer {@code p} lacks a valid credential, or empty when it holds one. */
  public Optional<String> credentialProblem(Prosumer p) {
    return credentials.problem(p.credential, p.discomId, p.meterId, p.installedCapacityKw);
  }

  /**
   * The wire-neutral offer, with what is left as its maximum quantity (which must be above zero).
   */
  @Transactional
  public EnergyOffer toEnergyOffer(SlotOffer o) {
    Prosumer p = Prosumer.findById(o.prosumerId);
    return new EnergyOffer(
        o.id,
        p.id,
        new MeterPoint(p.meterId, p.discomId),
        new DeliverySlot(o.slotStart, o.slotEnd),
        new UnitPrice(o.pricePerKwh, Currency.getInstance(o.currency)),
        o.availableKwh,
        o.validFrom,
        o.validUntil);
  }

  private static Prosumer prosumer(String id) {
    requireText(id, "prosumerId");
    Prosumer p = Prosumer.findById(id);
    if (p == null) {
      throw Refusal.notFound("no prosumer '" + id + "'");
    }
    return p;
  }

  private static String currency(String code) {
    String c = code == null ? "INR" : code.toUpperCase(Locale.ROOT);
    try {
      return Currency.getInstance(c).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("currency '" + code + "' is not an ISO 4217 code");
    }
  }

  private static BigDecimal price(BigDecimal v) {
    require(v != null && v.signum() > 0, "pricePerKwh must be greater than 0");
    fits(v, 8, 4, "pricePerKwh");
    return v;
  }

  private static BigDecimal energy(BigDecimal v, String name) {
    require(v != null && v.compareTo(BigDecimal.ONE) >= 0, name + " must be at least 1 kWh");
    fits(v, 10, 2, name);
    return v;
  }

  private static void requireText(String v, String name) {
    require(v != null && !v.isBlank(), name + " is required");
    optionalText(v, name);
  }

  /**
   * Texts end up in columns of 255 characters; a longer one is refused, not cut or failed in the
   * database.
   */
  private static void optionalText(String v, String name) {
    require(v == null || v.length() <= 255, name + " has at most 255 characters");
  }

  /**
   * What the column holds: at most {@code integerDigits} before the point and {@code scale} after
   * it.
   */
  private static void fits(BigDecimal v, int integerDigits, int scale, String name) {
    BigDecimal plain = v.stripTrailingZeros();
    require(plain.scale() <= scale, name + " has at most " + scale + " decimals");
    require(
        plain.precision() - plain.scale() <= integerDigits, name + " is below 1E" + integerDigits);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw Refusal.invalid(message);
    }
  }
}
