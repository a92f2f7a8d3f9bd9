package dev.regtrain.studies;

import java.util.List;
import java.util.Map;

/**
 * A validated study: its request with every default filled in, its trials' values in the order visited, and the
 * number of jobs it will train.
 */
record StudyPlan(StudyRequest request, List<Map<String, Double>> trials, int jobs) {

    SearchMethod method() {
        return SearchMethod.valueOf(request.search().method().toUpperCase(java.util.Locale.ROOT));
    }

    int folds() {
        return request.crossValidation() == null ? 1 : request.crossValidation().folds();
    }

    int repeats() {
        return request.crossValidation() == null ? 1 : request.crossValidation().repeats();
    }
}
