package dev.regtrain.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * Who a job, study, dataset or webhook belongs to: 1–64 characters of {@code [A-Za-z0-9._-]}, compared exactly.
 * Without keys ({@code regtrain.security.mode=none}) everything belongs to {@link #ANONYMOUS}.
 */
public record Owner(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The owner of everything created without a key. */
    public static final Owner ANONYMOUS = new Owner("anonymous");

    public Owner {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("owner", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
    }

    /** An owner from its name, as JSON and stored records carry it (a plain string). */
    @JsonCreator
    public static Owner of(String name) {
        return new Owner(name);
    }

    @JsonValue
    public String json() {
        return name;
    }

    /** The owner a stored record names, or {@link #ANONYMOUS} for a record stored before owners existed. */
    public static Owner storedOrAnonymous(String name) {
        return name == null ? ANONYMOUS : new Owner(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
