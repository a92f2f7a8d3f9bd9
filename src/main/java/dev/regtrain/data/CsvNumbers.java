package dev.regtrain.data;

import java.util.Locale;

/**
 * Numbers as a CSV writes them: an optional sign, digits with an optional decimal point, an optional exponent
 * ({@code 3}, {@code -0.5}, {@code .5}, {@code 1e-3}). Unlike {@link Double#parseDouble} this refuses hexadecimal,
 * type suffixes ({@code 1d}) and the words NaN and Infinity, and treats a value that overflows as not finite.
 */
final class CsvNumbers {

    private CsvNumbers() {
    }

    /** The finite value of {@code text}, or NaN when it is not a plain decimal number or overflows. */
    static double parse(String text) {
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    /** Whether {@code text}, which {@link #parse} refused, means a number that is not finite (NaN, Infinity, 1e999). */
    static boolean namesNonFinite(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (word.startsWith("+") || word.startsWith("-")) {
            word = word.substring(1);
        }
        return word.equals("nan") || word.equals("inf") || word.equals("infinity") || isDecimal(text);
    }

    private static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        for (; i < n && isDigit(s.charAt(i)); i++) {
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            for (i++; i < n && isDigit(s.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && isDigit(s.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
