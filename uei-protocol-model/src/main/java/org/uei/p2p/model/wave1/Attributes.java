package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * A JSON-LD attribute pack attached to a core object ({@code beckn:offerAttributes}, {@code
 * beckn:itemAttributes}, ...). The concrete class is chosen by {@code @type}: packs known to the
 * mapper (the energy packs) get their own class, any other pack is read as a plain {@code
 * Attributes} whose members all sit in {@link #getExtra()}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "@type",
    visible = true,
    defaultImpl = Attributes.class)
public class Attributes extends JsonLdObject {

  /** This pack as {@code type} when it is one, e.g. {@code as(EnergyCustomer.class)}. */
  public <T extends Attributes> Optional<T> as(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
