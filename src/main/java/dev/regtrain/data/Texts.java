package dev.regtrain.data;

/** Renders values for error messages: short, quoted, free of control characters. */
final class Texts {

    private static final int MAX_QUOTED = 40;

    private Texts() {
    }

    /** A number as a person writes it: {@code 3} rather than {@code 3.0}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** {@code 'value'}, cut to 40 characters, control characters shown as {@code ?}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 4).append('\'');
        int end = Math.min(value.length(), MAX_QUOTED);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_QUOTED) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}
