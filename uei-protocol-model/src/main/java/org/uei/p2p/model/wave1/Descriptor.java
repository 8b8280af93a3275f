package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A {@code beckn:Descriptor}: the human-readable name and descriptions of a thing. */
public final class Descriptor extends JsonLdObject {

  /** The JSON-LD type of a descriptor. */
  public static final String TYPE = "beckn:Descriptor";

  @JsonProperty("schema:name")
  private String name;

  @JsonProperty("beckn:shortDesc")
  private String shortDesc;

  @JsonProperty("beckn:longDesc")
  private String longDesc;

  @JsonProperty("schema:image")
  private List<String> images;

  public Descriptor() {}

  /** A descriptor with just a name. */
  public static Descriptor named(String name) {
    Descriptor d = new Descriptor();
    d.setType(TYPE);
    d.name = name;
    return d;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getShortDesc() {
    return shortDesc;
  }

  public void setShortDesc(String shortDesc) {
    this.shortDesc = shortDesc;
  }

  public String getLongDesc() {
    return longDesc;
  }

  public void setLongDesc(String longDesc) {
    this.longDesc = longDesc;
  }

  public List<String> getImages() {
    return images;
  }

  public void setImages(List<String> images) {
    this.images = images;
  }
}
