package org.uei.p2p.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.uei.p2p.model.energy.EnergyCustomer;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyResource;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.EnergyTradeOffer;
import org.uei.p2p.model.energy.EnergyTradeOrder;
import org.uei.p2p.model.energy.PaymentSettlement;

/**
 * The one place that configures Jackson for Beckn messages. Everything that reads or writes wire
 * JSON goes through {@link #mapper()} so that the rules below hold everywhere:
 *
 * <ul>
 *   <li>numbers with a fraction are read as {@code BigDecimal} and keep their scale ({@code 15.0}
 *       stays {@code 15.0}), also inside unmodelled members;
 *   <li>no silent coercion between strings, numbers and booleans: a quoted number in a numeric
 *       field is a parse error with a path, not a changed message;
 *   <li>duplicate keys are rejected (a signed body must have one meaning), and so is anything after
 *       the first JSON value;
 *   <li>bytes must be UTF-8 JSON text ({@link JsonText}) and every number must keep {@link
 *       NumberBounds}, in modelled and unmodelled members alike ({@link WireJsonException});
 *   <li>absent members stay absent on output; output order is fixed (modelled members in class
 *       order, then unmodelled ones in arrival order), so serialization is deterministic;
 *   <li>attribute packs are chosen by {@code @type}: the EnergyTrade packs and PaymentSettlement
 *       are registered here.
 * </ul>
 */
public final class BecknJson {

  private static final ObjectMapper MAPPER = build();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private BecknJson() {}

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder(new WireJsonFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .addModule(new JavaTimeModule())
            .addModule(
                new SimpleModule("nul-free-strings")
                    .addDeserializer(String.class, new NulFreeStringDeserializer()))
            .build();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.registerSubtypes(
        new NamedType(EnergyResource.class, EnergyResource.TYPE),
        new NamedType(EnergyTradeOffer.class, EnergyTradeOffer.TYPE),
        new NamedType(EnergyCustomer.class, EnergyCustomer.TYPE),
        new NamedType(EnergyTradeOrder.class, EnergyTradeOrder.TYPE),
        new NamedType(EnergyOrderItem.class, EnergyOrderItem.TYPE),
        new NamedType(EnergyTradeDelivery.class, EnergyTradeDelivery.TYPE),
        new NamedType(PaymentSettlement.class, PaymentSettlement.TYPE));
    return mapper;
  }

  /**
   * The configured mapper. Shared and thread-safe; do not reconfigure it (use {@code
   * mapper().copy()} for a variant).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A new JSON factory with the wire rules of this mapper (UTF-8 JSON text, bounded numbers), for
   * another mapper that reads wire input with settings of its own, such as a node's JSON API.
   */
  public static com.fasterxml.jackson.core.JsonFactory newWireFactory() {
    return new WireJsonFactory();
  }

  /** A reader for {@code type}, cached by Jackson; readers are immutable and thread-safe. */
  public static ObjectReader readerFor(JavaType type) {
    return MAPPER.readerFor(type);
  }

  /** Reads any JSON document into a tree with the same number rules as the model. */
  public static JsonNode readTree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /** Compact UTF-8 JSON of a model object or tree. */
  public static byte[] write(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** Compact JSON text of a model object or tree. */
  public static String writeString(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** Indented JSON text, for people. */
  public static String writePretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** A model object (or tree) as a tree, e.g. to compare with what came in. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
