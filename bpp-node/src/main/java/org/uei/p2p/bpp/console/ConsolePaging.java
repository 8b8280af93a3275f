package org.uei.p2p.bpp.console;

import jakarta.ws.rs.BadRequestException;

/** The {@code page} query parameter of the console's paged lists. */
final class ConsolePaging {

  /** The highest page number accepted: far beyond any list, small enough to keep offsets sane. */
  static final int MAX_PAGE = 10_000;

  private ConsolePaging() {}

  /** The page number (from 0) in {@code value}; 0 when absent. */
  static int page(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0 && n <= MAX_PAGE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "page: '" + value + "' is not a page number from 0 to " + MAX_PAGE);
  }
}
