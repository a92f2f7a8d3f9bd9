package dev.regtrain.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the API spells an enum constant: in lower case ({@code LEAKY_RELU} is {@code leaky_relu}). Every list of allowed
 * names the API checks, documents or offers is read from its enum through this class, so that no copy exists.
 */
public final class ApiNames {

    private ApiNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The API names of every constant, in declaration order. */
    public static <E extends Enum<E>> List<String> of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiNames::of).toList();
    }

    /** The constant an API name stands for; IllegalArgumentException when it stands for none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of " + String.join(", ", of(type)));
    }
}
