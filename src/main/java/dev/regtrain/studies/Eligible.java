package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fold jobs a study may submit now, in order. A grid or random search: every fold not yet submitted, trial by
 * trial. A path: in each fold (and repeat), the next trial once the previous trial of that fold has ended, warm-started
 * from the final weights of the latest trial of that fold that succeeded (the first from the template's
 * initialisation): a fold's trials run one after another, the folds side by side, the folds furthest behind first
 * (so that with more folds than workers no fold is left to finish alone at the end).
 */
final class Eligible {

    private Eligible() {
    }

    static List<StudyCoordinator.Next> next(StudyRecord study) {
        List<StudyCoordinator.Next> next = new ArrayList<>();
        List<TrialRecord> trials = study.trials();
        if (!study.request().search().method().equals(SearchMethod.PATH.label())) {
            for (TrialRecord trial : trials) {
                for (FoldRecord fold : trial.folds()) {
                    if (fold.status() == null) {
                        next.add(new StudyCoordinator.Next(trial.trial(), fold, null));
                    }
                }
            }
            return next;
        }
        int chains = trials.get(0).folds().size();
        for (int c = 0; c < chains; c++) {
            for (TrialRecord trial : trials) {
                FoldRecord fold = trial.folds().get(c);
                if (fold.status() != null) {
                    continue;
                }
                if (trial.trial() == 0 || trials.get(trial.trial() - 1).folds().get(c).ended()) {
                    next.add(new StudyCoordinator.Next(trial.trial(), fold, warmStart(trials, trial.trial(), c)));
                }
                break;
            }
        }
        next.sort(java.util.Comparator.comparingInt(StudyCoordinator.Next::trial));
        return next;
    }

    /**
     * The job to warm-start from: the latest earlier trial of the fold that succeeded, unless a penalty drove one of
     * its weight layers to exactly zero. A network with a zero layer sits on a saddle where the gradients of the
     * layers around it vanish, so no weaker penalty could ever move it again (unlike glmnet's convex path): the next
     * trial then starts from the template's initialisation instead.
     */
    private static String warmStart(List<TrialRecord> trials, int trial, int chain) {
        for (int t = trial - 1; t >= 0; t--) {
            FoldRecord earlier = trials.get(t).folds().get(chain);
            if (earlier.status() == JobStatus.SUCCEEDED && earlier.job() != null) {
                boolean collapsed = earlier.zeroFractions().stream().anyMatch(z -> z >= 1.0);
                return collapsed ? null : earlier.job();
            }
        }
        return null;
    }
}
