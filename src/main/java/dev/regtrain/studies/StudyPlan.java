package dev.regtrain.studies;

import java.util.ArrayList;
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

    /** Every trial with its folds (each repeat's folds in turn), none submitted yet. */
    List<TrialRecord> waitingTrials() {
        List<TrialRecord> waiting = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            List<FoldRecord> folds = new ArrayList<>();
            for (int r = 0; r < repeats(); r++) {
                for (int k = 0; k < folds(); k++) {
                    folds.add(FoldRecord.waiting(k, r));
                }
            }
            waiting.add(TrialRecord.summarised(t, trials.get(t), folds));
        }
        return waiting;
    }
}
