package dev.regtrain.studies;

import java.util.Locale;

/** How a study chooses its trials. */
public enum SearchMethod {
    /** One regularisation strength from the strongest to the weakest, each fit warm-started from the previous one. */
    PATH,
    /** The cartesian product of every parameter's values; independent trials. */
    GRID,
    /** {@code trials} independent draws. */
    RANDOM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
