package dev.regtrain.api;

import dev.regtrain.plots.StudyPlots;
import dev.regtrain.studies.FoldRecord;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyRequest;
import dev.regtrain.studies.StudyResult;
import dev.regtrain.studies.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The numbers a study's plots draw: the trials sorted by the searched parameter (by trial number when several are
 * searched), each with its mean and standard error, and per weight layer the fold means of ‖W‖_F and zero share.
 */
final class StudyFigures {

    private StudyFigures() {
    }

    static StudyPlots.Curve curve(StudyRecord study) {
        StudyRequest.Search search = study.request().search();
        String parameter = search.parameters().size() == 1 ? search.parameters().keySet().iterator().next() : null;
        List<TrialRecord> trials = sorted(study, parameter);
        boolean log = parameter != null && search.parameters().get(parameter).logRange() != null;
        double[] x = trials.stream().mapToDouble(t -> parameter == null ? t.trial() : t.parameters().get(parameter))
                .toArray();
        Double[] mean = trials.stream().map(TrialRecord::mean).toArray(Double[]::new);
        Double[] se = trials.stream().map(TrialRecord::standardError).toArray(Double[]::new);
        StudyResult result = study.result();
        Integer best = result == null || result.best() == null ? null : index(trials, result.best().trial());
        Integer oneSe = result == null || result.oneStandardError() == null ? null
                : index(trials, result.oneStandardError().trial());
        String metric = study.request().selection().metric();
        int folds = study.request().crossValidation() == null ? 1
                : study.request().crossValidation().folds() * study.request().crossValidation().repeats();
        List<String> caption = List.of(study.status() + " · " + study.jobsDone() + " of " + study.jobs()
                + " jobs done · " + search.method() + " search, " + trials.size() + " trials × " + folds
                + (folds == 1 ? " validation split" : " folds"), result == null ? "no selection yet"
                : "selected by " + result.rule() + ": trial " + result.selected().trial() + ", "
                + values(result.selected().parameters()));
        String title = study.name() != null ? study.name() : study.id().substring(0, 8);
        return new StudyPlots.Curve(title, parameter != null ? parameter : "trial", log, x, mean, se, best, oneSe,
                metric, caption);
    }

    static StudyPlots.Path path(StudyRecord study) {
        StudyPlots.Curve curve = curve(study);
        String parameter = curve.parameter().equals("trial") ? null : curve.parameter();
        List<TrialRecord> trials = sorted(study, parameter);
        int layers = trials.stream().flatMap(t -> t.folds().stream()).mapToInt(f -> f.weightNorms().size()).max()
                .orElse(0);
        List<Double[]> norms = new ArrayList<>();
        List<Double[]> zeros = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int layer = l;
            norms.add(means(trials, f -> f.weightNorms().size() > layer ? f.weightNorms().get(layer) : null));
            zeros.add(means(trials, f -> f.zeroFractions().size() > layer ? f.zeroFractions().get(layer) : null));
        }
        return new StudyPlots.Path(curve, norms, zeros);
    }

    private static String values(java.util.Map<String, Double> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((path, value) -> text.append(text.isEmpty() ? "" : ", ").append(path).append(" = ")
                .append(String.format(java.util.Locale.ROOT, "%.4g", value)));
        return text.toString();
    }

    private static Double[] means(List<TrialRecord> trials, Function<FoldRecord, Double> value) {
        return trials.stream().map(t -> t.folds().stream().filter(FoldRecord::succeeded).map(value)
                .filter(v -> v != null).mapToDouble(Double::doubleValue).average()).map(a -> a.isPresent()
                ? Double.valueOf(a.getAsDouble()) : null).toArray(Double[]::new);
    }

    private static List<TrialRecord> sorted(StudyRecord study, String parameter) {
        Comparator<TrialRecord> order = parameter == null ? Comparator.comparingInt(TrialRecord::trial)
                : Comparator.comparingDouble(t -> t.parameters().get(parameter));
        return study.trials().stream().sorted(order).toList();
    }

    private static Integer index(List<TrialRecord> trials, int trial) {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).trial() == trial) {
                return i;
            }
        }
        return null;
    }
}
