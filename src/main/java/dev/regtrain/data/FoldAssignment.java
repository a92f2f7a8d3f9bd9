package dev.regtrain.data;

/** How rows are dealt to the K folds of a cross-validation. */
public enum FoldAssignment {
    /** Each class's rows, shuffled with the seed, are dealt to the folds in turn (one running turn over all classes). */
    STRATIFIED,
    /** All rows, shuffled with the seed, are dealt to the folds in turn. */
    RANDOM,
    /** Row i, in the dataset's stored order, goes to fold i mod K: anyone can rebuild the folds. No seed, no repeats. */
    MODULO;

    /** The name as requests write it: {@code stratified}, {@code random}, {@code modulo}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
