package dev.regtrain.jobs.request;

import dev.regtrain.common.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Collects field errors while a request is resolved; each check returns the value to use. */
final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    /** A finite number in [min, max] (or [min, max) with {@code maxExclusive}); the default when null. */
    double number(String field, Double value, double fallback, double min, double max, boolean maxExclusive) {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value)) {
            fail(field, "must be a finite number");
            return fallback;
        }
        boolean tooHigh = maxExclusive ? value >= max : value > max;
        if (value < min || tooHigh) {
            fail(field, "must be in " + range(min, max, maxExclusive) + "; got " + value);
            return fallback;
        }
        return value;
    }

    /** A number that must be strictly positive and finite. */
    double positive(String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value) || value <= 0) {
            fail(field, "must be a positive finite number; got " + value);
            return fallback;
        }
        return value;
    }

    /** An integer in [min, max]; {@code limitName} names the configuration property behind max, if any. */
    int integer(String field, Integer value, int fallback, int min, int max, String limitName) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            String suffix = limitName != null && value > max ? " (limit " + limitName + ")" : "";
            fail(field, "must be between " + min + " and " + max + suffix + "; got " + value);
            return fallback;
        }
        return value;
    }

    /** One of the allowed lowercase names. */
    String choice(String field, String value, String fallback, List<String> allowed) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            fail(field, "must be one of " + String.join(", ", allowed) + "; got '" + value + "'");
            return fallback;
        }
        return value;
    }

    private static String range(double min, double max, boolean maxExclusive) {
        return "[" + format(min) + ", " + format(max) + (maxExclusive ? ")" : "]");
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
