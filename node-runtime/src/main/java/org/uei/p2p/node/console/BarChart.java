package org.uei.p2p.node.console;

import io.quarkus.qute.RawString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouped bar chart drawn as inline SVG on the server: no script, no library, nothing fetched.
 * The SVG has a title and a description for screen readers; pages put the same numbers in a table
 * next to it.
 */
public final class BarChart {

  /** One series of values, one per label. */
  public record Series(String name, List<BigDecimal> values) {}

  private static final String[] COLOURS = {"#1f5f99", "#d9822b", "#2e7d32", "#8e24aa"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  private static final int BOTTOM = 40;
  private static final int TOP = 28;

  private BarChart() {}

  /**
   * The chart's SVG, for a template to insert unescaped.
   *
   * @param id the element id, unique on the page (tests and labels refer to it)
   * @param title what the chart shows, read out by screen readers
   */
  public static RawString svg(String id, String title, List<String> labels, List<Series> series) {
    BigDecimal max = BigDecimal.ZERO;
    for (Series s : series) {
      for (BigDecimal v : s.values()) {
        if (v != null && v.compareTo(max) > 0) {
          max = v;
        }
      }
    }
    double top = max.signum() == 0 ? 1 : max.doubleValue();
    int plotW = WIDTH - LEFT - 10;
    int plotH = HEIGHT - BOTTOM - TOP;
    int groups = Math.max(1, labels.size());
    double groupW = (double) plotW / groups;
    double barW = Math.max(1, (groupW * 0.8) / Math.max(1, series.size()));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
        .append(esc(id))
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(esc(id))
        .append("-title\"><title id=\"")
        .append(esc(id))
        .append("-title\">")
        .append(esc(title))
        .append("</title>");
    // Axis with the top value and zero.
    svg.append(line(LEFT, TOP, LEFT, TOP + plotH))
        .append(line(LEFT, TOP + plotH, WIDTH - 10, TOP + plotH));
    svg.append(text(LEFT - 6, TOP + 4, plain(max), "end"));
    svg.append(text(LEFT - 6, TOP + plotH + 4, "0", "end"));
    for (int g = 0; g < labels.size(); g++) {
      double x0 = LEFT + g * groupW + groupW * 0.1;
      for (int s = 0; s < series.size(); s++) {
        BigDecimal v = g < series.get(s).values().size() ? series.get(s).values().get(g) : null;
        double h = v == null ? 0 : plotH * Math.max(0, v.doubleValue()) / top;
        svg.append("<rect class=\"bar s")
            .append(s)
            .append("\" x=\"")
            .append(fmt(x0 + s * barW))
            .append("\" y=\"")
            .append(fmt(TOP + plotH - h))
            .append("\" width=\"")
            .append(fmt(barW))
            .append("\" height=\"")
            .append(fmt(h))
            .append("\" fill=\"")
            .append(COLOURS[s % COLOURS.length])
            .append("\"><title>")
            .append(esc(series.get(s).name() + " " + labels.get(g) + ": " + plain(v)))
            .append("</title></rect>");
      }
      if (labels.size() <= 24 || g % 2 == 0) {
        svg.append(text(LEFT + g * groupW + groupW / 2, TOP + plotH + 16, labels.get(g), "middle"));
      }
    }
    List<String> legend = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      int x = LEFT + s * 170;
      legend.add(
          "<rect x=\""
              + x
              + "\" y=\"6\" width=\"12\" height=\"12\" fill=\""
              + COLOURS[s % COLOURS.length]
              + "\"/>"
              + text(x + 16, 16, series.get(s).name(), "start"));
    }
    legend.forEach(svg::append);
    return new RawString(svg.append("</svg>").toString());
  }

  private static String line(int x1, int y1, int x2, int y2) {
    return "<line x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\" stroke=\"#333\"/>";
  }

  private static String text(double x, double y, String s, String anchor) {
    return "<text x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" font-size=\"11\" text-anchor=\""
        + anchor
        + "\" fill=\"#222\">"
        + esc(s)
        + "</text>";
  }

  private static String plain(BigDecimal v) {
    return v == null
        ? "–"
        : v.setScale(Math.min(2, Math.max(0, v.scale())), RoundingMode.HALF_UP).toPlainString();
  }

  private static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
