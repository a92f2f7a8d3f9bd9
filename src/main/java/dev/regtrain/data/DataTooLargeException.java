package dev.regtrain.data;

import java.util.Objects;

/** Data beyond a configured limit; reading stops as soon as the limit is exceeded. */
public final class DataTooLargeException extends DatasetException {

    private final String limit;

    public DataTooLargeException(String limit, String message) {
        super(message);
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** The limit that was exceeded: {@code maxBytes}, {@code maxRows} or {@code maxColumns}. */
    public String limit() {
        return limit;
    }
}
