package dev.regtrain.data;

/** What a dataset's last column asks for: a class per row, or a number per row. */
public enum Task {
    CLASSIFICATION,
    REGRESSION
}
