package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.WireObject;

/** The message of {@code discover}: a free-text search and/or a JSONPath filter over catalogs. */
public final class DiscoverMessage extends Message {

  @JsonProperty("text_search")
  private String textSearch;

  @JsonProperty("filters")
  private Filters filters;

  public String getTextSearch() {
    return textSearch;
  }

  public void setTextSearch(String textSearch) {
    this.textSearch = textSearch;
  }

  public Filters getFilters() {
    return filters;
  }

  public void setFilters(Filters filters) {
    this.filters = filters;
  }

  /** {@code filters}: an expression in a filter language (only {@code jsonpath} is defined). */
  public static final class Filters extends WireObject {

    /** The only filter language the spec defines. */
    public static final String JSONPATH = "jsonpath";

    @JsonProperty("type")
    private String type;

    @JsonProperty("expression")
    private String expression;

    public Filters() {}

    /** A JSONPath (RFC 9535) filter. */
    public static Filters jsonPath(String expression) {
      Filters f = new Filters();
      f.type = JSONPATH;
      f.expression = expression;
      return f;
    }

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getExpression() {
      return expression;
    }

    public void setExpression(String expression) {
      this.expression = expression;
    }
  }
}
