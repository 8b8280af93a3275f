package org.uei.p2p.model.trade;

import java.math.BigDecimal;
import java.util.Objects;

/** Argument checks shared by the trade records, so every record words its errors the same way. */
final class Checks {
    private Checks() {
    }

    static String id(String value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name + " is required");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be greater than zero: " + value.toPlainString());
        }
        return value;
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name + " is required");
    }
}
