package dev.regtrain.jobs.request;

import dev.regtrain.data.Dataset;
import dev.regtrain.data.FoldAssignment;
import dev.regtrain.data.Folds;
import dev.regtrain.data.Split;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Resolves a job's {@code crossValidation} and gives every job its split: its fold, or its validationSplit. */
public final class CrossValidations {

    private static final String FIELD = "crossValidation";

    /** The assignments as requests write them, from the enum. */
    public static final List<String> ASSIGNMENTS = Arrays.stream(FoldAssignment.values()).map(FoldAssignment::label)
            .toList();

    private CrossValidations() {
    }

    static CrossValidationRequest resolve(CrossValidationRequest cv, long jobSeed, DatasetShape data, Checks checks) {
        if (cv == null) {
            return null;
        }
        if (cv.folds() == null) {
            checks.fail(FIELD + ".folds", "is required: the number of folds K, " + Folds.MIN_FOLDS + ".."
                    + Folds.MAX_FOLDS);
        }
        int folds = checks.integer(FIELD + ".folds", cv.folds(), Folds.MIN_FOLDS, Folds.MIN_FOLDS, Folds.MAX_FOLDS,
                null);
        int fold = checks.integer(FIELD + ".fold", cv.fold(), 0, 0, folds - 1, null);
        boolean classification = data == null || data.classification();
        String assignment = checks.choice(FIELD + ".assignment", cv.assignment(),
                classification ? "stratified" : "random", ASSIGNMENTS);
        if ("stratified".equals(assignment) && !classification) {
            checks.fail(FIELD + ".assignment", "stratified folds need a classification; this dataset is a "
                    + "regression (use random or modulo)");
        }
        int repeat = checks.integer(FIELD + ".repeat", cv.repeat(), 0, 0, 99, null);
        if ("modulo".equals(assignment) && repeat > 0) {
            checks.fail(FIELD + ".repeat", "modulo folds are the same in every repeat; repeats need stratified or "
                    + "random folds");
        }
        if (data != null && data.rows() < folds) {
            checks.fail(FIELD + ".folds", folds + " folds need at least " + folds + " rows; the dataset has "
                    + data.rows());
        }
        return new CrossValidationRequest(folds, fold, assignment, cv.seed() != null ? cv.seed() : jobSeed, repeat);
    }

    /** Which rows train and which validate: the job's fold under cross-validation, else its validationSplit. */
    public static Split split(Dataset dataset, JobRequest request) {
        CrossValidationRequest cv = request.crossValidation();
        if (cv == null) {
            return Split.of(dataset, request.validationSplit(), request.seed());
        }
        return Folds.split(dataset, cv.folds(), cv.fold(),
                FoldAssignment.valueOf(cv.assignment().toUpperCase(Locale.ROOT)), cv.seed(), cv.repeat());
    }
}
