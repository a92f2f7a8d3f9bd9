package dev.regtrain.studies;

import dev.regtrain.common.FieldError;
import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The trials of a search: each parameter's values from its spec ({@code values}; {@code range}, linear with both
 * ends; {@code logRange}, geometric with both ends), then the path (strongest first), the grid (cartesian product in
 * the order given) or the random draws (uniform, log-uniform, or a uniform choice, from the study's seed).
 */
final class SearchSpace {

    static final int MAX_COUNT = 1000;

    private SearchSpace() {
    }

    /** One parameter's candidate values, or null after reporting what is wrong with the spec. */
    static List<Double> values(StudyParameter parameter, StudyRequest.ValueSpec spec, String field,
                               List<FieldError> errors) {
        if (spec == null) {
            errors.add(new FieldError(field, "needs {\"values\": [...]}, {\"range\": [lo, hi], \"count\": n} or "
                    + "{\"logRange\": [lo, hi], \"count\": n}"));
            return null;
        }
        int given = (spec.values() != null ? 1 : 0) + (spec.range() != null ? 1 : 0) + (spec.logRange() != null ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError(field, "needs exactly one of values, range and logRange"));
            return null;
        }
        List<Double> values = new ArrayList<>();
        if (spec.values() != null) {
            if (spec.values().isEmpty() || spec.values().size() > MAX_COUNT || spec.values().contains(null)) {
                errors.add(new FieldError(field, "values must list 1 to " + MAX_COUNT + " numbers"));
                return null;
            }
            values.addAll(spec.values());
        } else {
            List<Double> ends = spec.range() != null ? spec.range() : spec.logRange();
            boolean log = spec.logRange() != null;
            if (ends.size() != 2 || ends.contains(null) || !(ends.get(0) < ends.get(1))) {
                errors.add(new FieldError(field, (log ? "logRange" : "range") + " must be [lo, hi] with lo < hi"));
                return null;
            }
            if (log && !(ends.get(0) > 0)) {
                errors.add(new FieldError(field, "logRange needs lo > 0; got " + ends.get(0)));
                return null;
            }
            if (spec.count() == null || spec.count() < 2 || spec.count() > MAX_COUNT) {
                errors.add(new FieldError(field, "count must be between 2 and " + MAX_COUNT + "; got "
                        + spec.count()));
                return null;
            }
            values.addAll(spaced(ends.get(0), ends.get(1), spec.count(), log, parameter.integer()));
        }
        for (double value : values) {
            String problem = parameter.problem(value);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
                return null;
            }
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            errors.add(new FieldError(field, "the values must differ" + (parameter.integer()
                    ? " (a whole-number parameter's range is rounded: fewer, wider steps)" : "")));
            return null;
        }
        return values;
    }

    /** lo..hi in {@code count} steps, both ends included: linear, or lo·(hi/lo)^(i/(count−1)). */
    static List<Double> spaced(double lo, double hi, int count, boolean log, boolean integer) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double t = (double) i / (count - 1);
            double v = i == count - 1 ? hi : log ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t;
            values.add(integer ? Math.rint(v) : v);
        }
        return values;
    }

    /** A path: one parameter, strongest first. */
    static List<Map<String, Double>> path(StudyParameter parameter, List<Double> values) {
        List<Double> ordered = new ArrayList<>(values);
        Comparator<Double> weakerLater = (a, b) -> parameter.strongerThan(a, b) ? -1
                : parameter.strongerThan(b, a) ? 1 : 0;
        ordered.sort(weakerLater);
        return ordered.stream().map(v -> Map.of(parameter.path(), v)).toList();
    }

    /** The cartesian product, the first parameter varying slowest. */
    static List<Map<String, Double>> grid(Map<StudyParameter, List<Double>> values) {
        List<Map<String, Double>> trials = new ArrayList<>();
        trials.add(new LinkedHashMap<>());
        for (Map.Entry<StudyParameter, List<Double>> entry : values.entrySet()) {
            List<Map<String, Double>> longer = new ArrayList<>();
            for (Map<String, Double> partial : trials) {
                for (double value : entry.getValue()) {
                    Map<String, Double> next = new LinkedHashMap<>(partial);
                    next.put(entry.getKey().path(), value);
                    longer.add(next);
                }
            }
            trials = longer;
        }
        return trials;
    }

    /** {@code trials} draws, each parameter on its own: uniform over a range, log-uniform, or one of the values. */
    static List<Map<String, Double>> random(Map<StudyParameter, StudyRequest.ValueSpec> specs, int trials, long seed) {
        Rng rng = Rng.of(seed, RandomPurpose.SEARCH);
        List<Map<String, Double>> drawn = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Double> trial = new LinkedHashMap<>();
            for (Map.Entry<StudyParameter, StudyRequest.ValueSpec> entry : specs.entrySet()) {
                StudyRequest.ValueSpec spec = entry.getValue();
                double u = rng.nextDouble();
                double value;
                if (spec.values() != null) {
                    value = spec.values().get(Math.min((int) (u * spec.values().size()), spec.values().size() - 1));
                } else if (spec.range() != null) {
                    value = spec.range().get(0) + u * (spec.range().get(1) - spec.range().get(0));
                } else {
                    double lo = Math.log(spec.logRange().get(0));
                    value = Math.exp(lo + u * (Math.log(spec.logRange().get(1)) - lo));
                }
                trial.put(entry.getKey().path(), entry.getKey().integer() ? Math.rint(value) : value);
            }
            drawn.add(trial);
        }
        return drawn;
    }
}
