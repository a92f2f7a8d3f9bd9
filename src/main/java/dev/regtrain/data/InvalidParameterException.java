package dev.regtrain.data;

import java.util.Objects;

/** A parameter of a request is out of range or unknown; {@link #parameter()} names it as the client wrote it. */
public final class InvalidParameterException extends DatasetException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /** The parameter's name, for example {@code noise}, {@code builtin}, {@code validationSplit}. */
    public String parameter() {
        return parameter;
    }
}
