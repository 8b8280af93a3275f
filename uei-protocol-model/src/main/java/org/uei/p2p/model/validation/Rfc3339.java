package org.uei.p2p.model.validation;

/**
 * A strict RFC 3339 date-time reader ({@code 2026-02-11T05:00:00Z}, {@code
 * 2026-02-10T11:00:00.250+05:30}). Hand-written because validation reads about a dozen date-times
 * per message on the receive path and this avoids a regex match plus a {@code DateTimeFormatter}
 * parse for each.
 */
final class Rfc3339 {

  private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Rfc3339() {}

  /**
   * Epoch milliseconds of {@code s}, or {@link Long#MIN_VALUE} when it is not an RFC 3339 date-time
   * with offset. Fractions beyond milliseconds are accepted and truncated.
   */
  static long epochMillis(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > DAYS[month - 1]
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 60) {
      return Long.MIN_VALUE;
    }
    if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
      return Long.MIN_VALUE;
    }
    int i = 19;
    int millis = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - start < 3) {
          millis = millis * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      if (i == start) {
        return Long.MIN_VALUE;
      }
      for (int k = i - start; k < 3; k++) {
        millis *= 10;
      }
    }
    int offsetMinutes;
    if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
      offsetMinutes = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return Long.MIN_VALUE;
      }
      offsetMinutes = (s.charAt(i) == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
      return Long.MIN_VALUE;
    }
    long days = epochDay(year, month, day);
    long secs =
        days * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetMinutes * 60L;
    return secs * 1000L + millis;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // Days from 1970-01-01 (proleptic Gregorian), as in java.time.LocalDate.toEpochDay.
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
        total--;
      }
    }
    return total - 719_528L;
  }
}
