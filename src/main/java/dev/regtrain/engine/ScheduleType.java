package dev.regtrain.engine;

/** The learning-rate schedules (MATH.md), each with its name in requests. */
public enum ScheduleType {
    /** α₀ every epoch. */
    CONSTANT("constant"),
    /** α₀·factor^⌊(e−1)/everyEpochs⌋. */
    STEP("step"),
    /** α₀·factor^(e−1). */
    EXPONENTIAL("exponential"),
    /** Linear warm-up to α₀, then half a cosine down to α_min at the last epoch. */
    COSINE("cosine"),
    /** α times factor after patience epochs without improvement of a monitor, not below α_min. */
    REDUCE_ON_PLATEAU("reduceOnPlateau");

    private final String label;

    ScheduleType(String label) {
        this.label = label;
    }

    /** The name used in requests, e.g. {@code reduceOnPlateau}. */
    public String label() {
        return label;
    }

    /** Whether α of an epoch depends on the total number of epochs (so that a longer run is not a continued one). */
    public boolean dependsOnTotalEpochs() {
        return this == COSINE;
    }
}
