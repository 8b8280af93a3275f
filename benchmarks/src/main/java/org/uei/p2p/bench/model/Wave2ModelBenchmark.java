package org.uei.p2p.bench.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * The wave-2 counterpart of {@link ModelBenchmark#selectParseValidateSerialize}: parse a wave-2
 * init, validate it (strict) and serialize it again. The init is built by {@link Wave2Codec} from
 * the same kind of order as the wave-1 select (one buyer, two hourly slots of one offer), so the
 * two figures compare the wires, not the trades. Run next to the select with {@code java -jar
 * benchmarks/target/benchmarks.jar 'bench.model.(ModelBenchmark.select|Wave2ModelBenchmark).*'
 * ...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Wave2ModelBenchmark {

  byte[] init;
  Wave2Envelope parsedInit;

  @Setup
  public void setUp() throws MessageParseException {
    init = init();
    parsedInit = Wave2Envelope.parse(init);
    ValidationResult r = Wave2Validator.strict().validate(parsedInit, Wave2Action.INIT);
    if (!r.isValid()) {
      throw new IllegalStateException("benchmark input is invalid: " + r.errors());
    }
  }

  static byte[] init() {
    LedgerProvider tpddl =
        new LedgerProvider(
            "TPDDL",
            "utility.tpddl.example",
            "https://utility.tpddl.example",
            "ledger.ies.example",
            "https://ledger.ies.example");
    LedgerProvider pvvnl =
        new LedgerProvider(
            "PVVNL",
            "utility.pvvnl.example",
            "https://utility.pvvnl.example",
            "ledger.ies.example",
            "https://ledger.ies.example");
    Wave2Codec codec =
        new Wave2Codec(
            new PolicyReference(
                "https://policies.example/ies/p2p-contract", "data.deg.contracts.p2p_trading"),
            List.of(tpddl, pvvnl));
    MeterPoint seller = new MeterPoint("TEST_PVVNL_M0017", "PVVNL");
    Instant tenIst = Instant.parse("2026-11-26T04:30:00Z");
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            "bap.sunshare.example",
            "bpp.gridtrade.example",
            "consumer-rohini-42",
            new MeterPoint("TEST_TPDDL_M0042", "TPDDL"),
            List.of(
                new OrderLine(
                    "offer-noida-17",
                    "prosumer-noida-17",
                    seller,
                    DeliverySlot.hourStarting(tenIst),
                    UnitPrice.inr("6.25"),
                    new BigDecimal("8.0")),
                new OrderLine(
                    "offer-noida-17",
                    "prosumer-noida-17",
                    seller,
                    DeliverySlot.hourStarting(tenIst.plusSeconds(3600)),
                    UnitPrice.inr("6.50"),
                    new BigDecimal("4.50"))));
    ObjectNode ctx =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", "indiaenergystack.in/ies-p2p-trading-network")
            .put("version", "2.0.0")
            .put("action", "init")
            .put("bapId", "bap.sunshare.example")
            .put("bapUri", "https://bap.sunshare.example/beckn")
            .put("bppId", "bpp.gridtrade.example")
            .put("bppUri", "https://bpp.gridtrade.example/beckn")
            .put("transactionId", "b1d7e0f4-8a2c-4b7e-9f13-5c6d7e8f9a01")
            .put("messageId", "6f0c7a52-3d7e-4c1f-9a55-0b8e2f1d4a10")
            .put("timestamp", "2026-11-25T05:30:12.250Z")
            .put("ttl", "PT30S");
    ctx.putArray("schemaContext")
        .add("https://schema.nfh.global/DEGContract/v2.0/context.jsonld")
        .add("https://schema.nfh.global/BecknTimeSeries/v1.0/context.jsonld");
    return Wave2Envelope.of(ctx, codec.orderMessage(order)).write();
  }

  /** Size of the input, printed once so that results can be read per KB. */
  public static void main(String[] args) {
    System.out.println(
        "wave-2 init: "
            + init().length
            + " bytes; wave-1 select: "
            + SampleMessages.select().length
            + " bytes");
  }

  @Benchmark
  public byte[] wave2InitParseValidateSerialize() throws MessageParseException {
    Wave2Envelope e = Wave2Envelope.parse(init);
    if (!Wave2Validator.strict().validate(e, Wave2Action.INIT).isValid()) {
      throw new IllegalStateException("invalid");
    }
    return e.write();
  }

  @Benchmark
  public Wave2Envelope wave2InitParseOnly() throws MessageParseException {
    return Wave2Envelope.parse(init);
  }

  @Benchmark
  public ValidationResult wave2InitValidateOnly() {
    return Wave2Validator.strict().validate(parsedInit, Wave2Action.INIT);
  }
}
