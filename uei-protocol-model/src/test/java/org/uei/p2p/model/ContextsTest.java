package org.uei.p2p.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelopes;

class ContextsTest {

  private static final Clock T0 =
      Clock.fixed(Instant.parse("2026-02-10T05:30:00.123456Z"), ZoneId.of("Asia/Kolkata"));
  private static final Clock T1 = Clock.offset(T0, Duration.ofSeconds(4));
  private static final Contexts.Parties PARTIES =
      new Contexts.Parties(
          "beckn.one:deg:p2p-trading-interdiscom:2.0.0",
          "bap.sunshare.example",
          "https://bap.sunshare.example/beckn",
          "bpp.gridtrade.example",
          "https://bpp.gridtrade.example/beckn");

  @Test
  void newRequestHasFreshUuidUtcTimestampAndTtl() {
    Context a =
        Contexts.newRequest(
            Action.SELECT,
            PARTIES,
            "b1d7e0f4-8a2c-4b7e-9f13-5c6d7e8f9a01",
            Duration.ofSeconds(45),
            T0);
    Context b =
        Contexts.newRequest(
            Action.SELECT, PARTIES, "b1d7e0f4-8a2c-4b7e-9f13-5c6d7e8f9a01", null, T0);
    assertEquals("select", a.getAction());
    assertEquals("2.0.0", a.getVersion());
    assertEquals(
        "2026-02-10T05:30:00.123Z",
        a.getTimestamp(),
        "UTC, millisecond precision, whatever the clock's zone");
    assertEquals("PT45S", a.getTtl());
    assertEquals("PT30S", b.getTtl());
    assertEquals(a.getMessageId(), UUID.fromString(a.getMessageId()).toString());
    assertNotEquals(a.getMessageId(), b.getMessageId());
    assertEquals("bpp.gridtrade.example", a.getBppId());
    Context fresh = Contexts.newRequest(Action.DISCOVER, PARTIES, null, null, T0);
    UUID.fromString(fresh.getTransactionId());
    assertThrows(
        IllegalArgumentException.class,
        () -> Contexts.newRequest(Action.ON_SELECT, PARTIES, null, null, T0));
  }

  @Test
  void callbackEchoesTheRequest() throws Exception {
    Context req = Envelopes.parse(Fixtures.bytes("on_discover.json")).getContext();
    req.setAction("select");
    Context cb = Contexts.callbackFor(req, T1);
    assertEquals("on_select", cb.getAction());
    assertEquals(req.getMessageId(), cb.getMessageId());
    assertEquals(req.getTransactionId(), cb.getTransactionId());
    assertEquals(req.getDomain(), cb.getDomain());
    assertEquals(req.getLocation(), cb.getLocation());
    assertEquals(req.getVersion(), cb.getVersion());
    assertEquals(req.getBapId(), cb.getBapId());
    assertEquals(req.getBapUri(), cb.getBapUri());
    assertEquals(req.getBppId(), cb.getBppId());
    assertEquals(req.getBppUri(), cb.getBppUri());
    assertEquals("2026-02-10T05:30:04.123Z", cb.getTimestamp());
    assertEquals("select", req.getAction(), "the request context is not modified");
    assertThrows(IllegalArgumentException.class, () -> Contexts.callbackFor(cb, T1));
  }

  @Test
  void unsolicitedCallbacksGetANewMessageId() {
    Context req = Contexts.newRequest(Action.CONFIRM, PARTIES, null, null, T0);
    Context upd = Contexts.unsolicited(Action.ON_UPDATE, req, T1);
    assertEquals("on_update", upd.getAction());
    assertNotEquals(req.getMessageId(), upd.getMessageId());
    assertEquals(req.getTransactionId(), upd.getTransactionId());
    assertThrows(
        IllegalArgumentException.class, () -> Contexts.unsolicited(Action.ON_CONFIRM, req, T1));
  }

  @Test
  void callbacksAfterTimestampPlusTtlAreExpired() {
    Context req = Contexts.newRequest(Action.INIT, PARTIES, null, Duration.ofSeconds(30), T0);
    Instant sent = req.timestampInstant();
    assertFalse(Contexts.isExpired(req, sent.plusSeconds(30)));
    assertTrue(Contexts.isExpired(req, sent.plusSeconds(31)));
  }
}
