package org.uei.p2p.bench.model;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave1Validator;

/**
 * What a node spends on the protocol model per inbound message: parse the body for the endpoint's
 * action, validate it (strict), and serialize it again (as when forwarding or logging). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar 'bench.model' -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelBenchmark {

  byte[] select;
  byte[] onDiscover20;
  Envelope<OrderMessage> parsedSelect;

  @Setup
  public void setUp() throws MessageParseException {
    select = SampleMessages.select();
    onDiscover20 = SampleMessages.onDiscover(20);
    parsedSelect = Envelopes.parse(select, Action.SELECT, OrderMessage.class);
    check(parsedSelect, Action.SELECT);
    check(Envelopes.parse(onDiscover20, Action.ON_DISCOVER), Action.ON_DISCOVER);
  }

  private static void check(Envelope<?> e, Action a) {
    ValidationResult r = Wave1Validator.strict().validate(e, a);
    if (!r.isValid()) {
      throw new IllegalStateException("benchmark input is invalid: " + r.errors());
    }
  }

  /** Size of the inputs, printed once so that results can be read per KB. */
  public static void main(String[] args) {
    System.out.println(
        "select: "
            + SampleMessages.select().length
            + " bytes; on_discover(20): "
            + SampleMessages.onDiscover(20).length
            + " bytes");
  }

  @Benchmark
  public byte[] selectParseValidateSerialize() throws MessageParseException {
    Envelope<OrderMessage> e = Envelopes.parse(select, Action.SELECT, OrderMessage.class);
    if (!Wave1Validator.strict().validate(e, Action.SELECT).isValid()) {
      throw new IllegalStateException("invalid");
    }
    return Envelopes.write(e);
  }

  @Benchmark
  public Envelope<OrderMessage> selectParseOnly() throws MessageParseException {
    return Envelopes.parse(select, Action.SELECT, OrderMessage.class);
  }

  @Benchmark
  public ValidationResult selectValidateOnly() {
    return Wave1Validator.strict().validate(parsedSelect, Action.SELECT);
  }

  @Benchmark
  public byte[] selectSerializeOnly() {
    return Envelopes.write(parsedSelect);
  }

  @Benchmark
  public byte[] onDiscover20ParseValidateSerialize() throws MessageParseException {
    Envelope<CatalogMessage> e =
        Envelopes.parse(onDiscover20, Action.ON_DISCOVER, CatalogMessage.class);
    if (!Wave1Validator.strict().validate(e, Action.ON_DISCOVER).isValid()) {
      throw new IllegalStateException("invalid");
    }
    return Envelopes.write(e);
  }
}
