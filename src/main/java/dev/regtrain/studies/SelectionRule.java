package dev.regtrain.studies;

/** How a study picks its trial from the means and standard errors over folds. */
public enum SelectionRule {
    /** The best mean. */
    MIN("min"),
    /** The most regularised trial whose mean is within one standard error of the best (cv.glmnet's lambda.1se). */
    ONE_STANDARD_ERROR("oneStandardError");

    private final String label;

    SelectionRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
