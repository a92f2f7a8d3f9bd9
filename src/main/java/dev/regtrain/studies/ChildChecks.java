package dev.regtrain.studies;

import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Resolution;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves each trial's first child request as a job submission would, so that a study is refused up front (400)
 * rather than failing child by child; a problem is reported on the study's own field: the searched parameter's
 * {@code search.parameters.<path>}, the study's {@code crossValidation.*}, or else {@code template.<field>}.
 */
final class ChildChecks {

    private final Function<JobRequest, Resolution> jobs;

    ChildChecks(Function<JobRequest, Resolution> jobs) {
        this.jobs = jobs;
    }

    /** The dataset's shape, after adding every problem of the children to {@code errors}. */
    DatasetShape check(StudyPlan plan, List<FieldError> errors) {
        StudyRequest request = plan.request();
        Set<FieldError> found = new LinkedHashSet<>();
        DatasetShape shape = null;
        StudyRequest.CrossValidation cv = request.crossValidation();
        ChildRequests.Fold fold = cv == null ? null
                : new ChildRequests.Fold(cv.folds(), 0, cv.assignment(), 0);
        for (Map<String, Double> values : plan.trials()) {
            JobRequest child = ChildRequests.foldJob(request.template(), "check", request.seed(), values, fold, null);
            try {
                Resolution resolution = jobs.apply(child);
                shape = resolution.dataset();
            } catch (InvalidRequestException e) {
                for (FieldError error : e.errors()) {
                    found.add(new FieldError(field(error.field(), values), error.message()));
                }
            }
        }
        errors.addAll(found);
        if (shape != null) {
            String metric = request.selection().metric();
            if (metric.equals("val_accuracy") && !shape.classification()) {
                errors.add(new FieldError("selection.metric", "val_accuracy needs a classification; the dataset is "
                        + "a regression (use val_loss or val_rmse)"));
            } else if (metric.equals("val_rmse") && shape.classification()) {
                errors.add(new FieldError("selection.metric", "val_rmse needs a regression; the dataset is a "
                        + "classification (use val_loss or val_accuracy)"));
            }
        }
        return shape;
    }

    private static String field(String childField, Map<String, Double> values) {
        if (childField.startsWith("crossValidation")) {
            return childField;
        }
        for (String path : values.keySet()) {
            String generic = childField.replaceAll("\\[\\d+]", "[*]");
            if (childField.equals(path) || generic.equals(path)
                    || path.equals(StudyParameter.HIDDEN_DROPOUT.path()) && childField.startsWith(path)) {
                return "search.parameters." + path;
            }
        }
        return "template." + childField;
    }

    /** The default assignment, once the task is known: stratified for a classification, else random. */
    static String assignment(String given, DatasetShape shape) {
        if (given != null) {
            return given;
        }
        return shape != null && !shape.classification() ? "random" : "stratified";
    }
}
