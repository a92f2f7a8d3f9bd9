package dev.regtrain.data;

/**
 * The task an upload asks for. {@link #AUTO} decides from the label column, as {@link CsvDatasetReader} documents.
 */
public enum TaskChoice {
    AUTO,
    CLASSIFICATION,
    REGRESSION
}
