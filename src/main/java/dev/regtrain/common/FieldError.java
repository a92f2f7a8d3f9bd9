package dev.regtrain.common;

/** One problem with a request, located by its field path, e.g. {@code regularization.dropout.hidden[1]}. */
public record FieldError(String field, String message) {
}
