package org.uei.p2p.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireDetector;
import org.uei.p2p.model.wire.WireGeneration;
import picocli.CommandLine;

/**
 * The wire generation a message file is read as: the one {@code --wire} forces, else the one {@link
 * WireDetector} finds in the file's context. Shared by {@code validate} and {@code roundtrip}.
 */
final class Wire {

  /** The {@code --wire} names, for help and usage errors. */
  static final String NAMES = "wave1, wave2, uei-v1";

  private Wire() {}

  /**
   * The generation of {@code f} and how it was chosen, or {@code null} after printing why there is
   * none.
   */
  static Chosen choose(MessageFile f, WireGeneration forced, PrintWriter out) {
    if (forced != null) {
      return new Chosen(forced, "--wire");
    }
    WireDetector.Detection d = WireDetector.detect(f.tree());
    if (!d.isSupported()) {
      out.println(f.name() + ": " + d.error());
      return null;
    }
    return new Chosen(d.generation(), "detected");
  }

  /** A generation and how it was chosen ({@code detected} or {@code --wire}). */
  record Chosen(WireGeneration generation, String how) {
    /** E.g. {@code IES wave 2 (Beckn 2.0 LTS), detected}. */
    String label() {
      return generation.title() + ", " + how;
    }
  }

  /** Reads a wave-1 file for {@code action} ({@code null}: the file's own). */
  static Envelope<?> wave1(MessageFile f, Action action) throws MessageParseException {
    return Envelopes.fromTree(f.tree(), action != null ? action : Envelopes.actionOf(f.tree()));
  }

  /** Reads a wave-2 file. */
  static Wave2Envelope wave2(MessageFile f) throws MessageParseException {
    if (!(f.tree() instanceof ObjectNode o)) {
      return Wave2Envelope.parse(f.bytes());
    }
    return Wave2Envelope.fromTree(o);
  }

  /** Reads a UEI v1 (Beckn 1.1.0) file. */
  static UeiV1Envelope ueiV1(MessageFile f) throws MessageParseException {
    if (!(f.tree() instanceof ObjectNode o)) {
      return UeiV1Envelope.parse(f.bytes());
    }
    return UeiV1Envelope.fromTree(o);
  }

  /** Reads {@code --wire wave1|wave2|uei-v1}. */
  static final class Converter implements CommandLine.ITypeConverter<WireGeneration> {
    @Override
    public WireGeneration convert(String value) {
      return WireGeneration.fromShortName(value)
          .filter(WireGeneration::isSupported)
          .orElseThrow(
              () ->
                  new CommandLine.TypeConversionException(
                      "unknown wire '" + value + "'; one of " + NAMES));
    }
  }

  /** Every action name of every generation, for usage errors. */
  static String actionNames() {
    return Arrays.stream(Action.values()).map(Action::wireName).collect(Collectors.joining(", "))
        + "; wave 2: "
        + Arrays.stream(Wave2Action.values())
            .map(Wave2Action::wireName)
            .collect(Collectors.joining(", "))
        + "; UEI v1: "
        + Arrays.stream(UeiV1Action.values())
            .map(UeiV1Action::wireName)
            .collect(Collectors.joining(", "));
  }

  /** The message as the library writes it again after reading it as {@code generation}. */
  static byte[] rewritten(MessageFile f, WireGeneration generation) throws MessageParseException {
    return switch (generation) {
      case IES_WAVE2 -> wave2(f).write();
      case UEI_V1 -> ueiV1(f).write();
      case DEG_WAVE1 -> Envelopes.write(Envelopes.parse(f.bytes()));
    };
  }
}
