package dev.regtrain.studies;

import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.data.Folds;
import dev.regtrain.jobs.request.CrossValidations;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Resolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Validates a study against API.md and the limits, naming every problem's field ({@code search.parameters.<path>},
 * {@code template.seed}, {@code crossValidation.folds}, ...), fills in every default and lists its trials. Every
 * trial's first child request is resolved as a job would be, so that a study never starts children that cannot run.
 */
final class StudyResolver {

    private static final List<String> METHODS = Arrays.stream(SearchMethod.values()).map(SearchMethod::label).toList();
    private static final List<String> METRICS = Arrays.stream(SelectionMetric.values()).map(SelectionMetric::label)
            .toList();
    private static final List<String> RULES = Arrays.stream(SelectionRule.values()).map(SelectionRule::label).toList();

    private final Function<JobRequest, Resolution> jobs;
    private final int maxStudyJobs;

    StudyResolver(Function<JobRequest, Resolution> jobs, int maxStudyJobs) {
        this.jobs = jobs;
        this.maxStudyJobs = maxStudyJobs;
    }

    StudyPlan resolve(StudyRequest raw) {
        if (raw == null) {
            throw new InvalidRequestException("body", "a study needs a JSON body");
        }
        List<FieldError> errors = new ArrayList<>();
        if (raw.name() != null && raw.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        long seed = raw.seed() != null ? raw.seed() : ThreadLocalRandom.current().nextLong(1L << 53);
        if (raw.seed() != null && (raw.seed() < 0 || raw.seed() >= 1L << 53)) {
            errors.add(new FieldError("seed", "must be between 0 and 2^53 − 1 (an exact JSON number)"));
        }
        JobRequest template = raw.template();
        if (template == null) {
            errors.add(new FieldError("template", "is required: a job request without seed"));
        } else {
            if (template.seed() != null) {
                errors.add(new FieldError("template.seed", "must not be set: the study's seed determines every "
                        + "child's seed"));
            }
            if (template.crossValidation() != null) {
                errors.add(new FieldError("template.crossValidation", "is set by the study on each child; use the "
                        + "study's crossValidation"));
            }
        }
        Search search = search(raw.search(), seed, template, errors);
        StudyRequest.CrossValidation cv = crossValidation(raw.crossValidation(), errors);
        StudyRequest.Selection selection = selection(raw.selection(), search, errors);
        boolean refit = raw.refit() == null || raw.refit();
        int parallel = raw.maxParallelJobs() == null ? 0 : raw.maxParallelJobs();
        if (parallel < 0 || parallel > 1000) {
            errors.add(new FieldError("maxParallelJobs", "must be between 0 (as many as there are workers) and "
                    + "1000; got " + parallel));
        }
        int jobs = 0;
        if (search != null && cv != null) {
            long total = (long) search.trials().size() * (cv.folds() == null ? 1 : cv.folds() * cv.repeats())
                    + (refit ? 1 : 0);
            if (total > maxStudyJobs) {
                errors.add(new FieldError("search", "the study would train " + total + " jobs (trials × folds × "
                        + "repeats + refit); at most " + maxStudyJobs + " (limit regtrain.limits.max-study-jobs)"));
            }
            jobs = (int) Math.min(total, Integer.MAX_VALUE);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        StudyRequest.CrossValidation echoCv = cv.folds() == null ? null : cv;
        StudyRequest resolved = new StudyRequest(raw.name(), seed, template, search.echo(), echoCv, selection,
                refit, parallel);
        DatasetShape shape = new ChildChecks(this.jobs).check(new StudyPlan(resolved, search.trials(), jobs), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (echoCv != null) {
            echoCv = new StudyRequest.CrossValidation(cv.folds(), ChildChecks.assignment(cv.assignment(), shape),
                    cv.repeats());
            if (echoCv.repeats() > 1 && echoCv.assignment().equals("modulo")) {
                throw new InvalidRequestException("crossValidation.repeats", "modulo folds are the same in every "
                        + "repeat; repeats need stratified or random folds");
            }
        }
        return new StudyPlan(new StudyRequest(raw.name(), seed, template, search.echo(), echoCv, selection, refit,
                parallel), search.trials(), jobs);
    }

    /** A search's echo, its parameters in order, and its trials. */
    record Search(StudyRequest.Search echo, List<StudyParameter> parameters, List<Map<String, Double>> trials) {
    }

    private Search search(StudyRequest.Search search, long seed, JobRequest template, List<FieldError> errors) {
        if (search == null) {
            errors.add(new FieldError("search", "is required: {\"method\": \"path\", \"parameters\": {...}}"));
            return null;
        }
        String method = search.method() == null ? null : search.method();
        if (method == null || !METHODS.contains(method)) {
            errors.add(new FieldError("search.method", "must be one of " + String.join(", ", METHODS)
                    + (method == null ? "" : "; got '" + method + "'")));
            return null;
        }
        if (search.parameters() == null || search.parameters().isEmpty()) {
            errors.add(new FieldError("search.parameters", "needs at least one parameter; allowed: "
                    + String.join(", ", StudyParameter.paths())));
            return null;
        }
        boolean random = method.equals("random");
        Integer trials = search.trials();
        if (random && (trials == null || trials < 1 || trials > maxStudyJobs)) {
            errors.add(new FieldError("search.trials", "a random search needs trials between 1 and " + maxStudyJobs
                    + "; got " + trials));
        } else if (!random && trials != null) {
            errors.add(new FieldError("search.trials", "only goes with the random method"));
        }
        if (method.equals("path") && search.parameters().size() != 1) {
            errors.add(new FieldError("search.parameters", "a path follows exactly one regularisation strength; got "
                    + search.parameters().size() + " parameters"));
        }
        Map<StudyParameter, List<Double>> values = new LinkedHashMap<>();
        Map<StudyParameter, StudyRequest.ValueSpec> specs = new LinkedHashMap<>();
        int before = errors.size();
        for (Map.Entry<String, StudyRequest.ValueSpec> entry : search.parameters().entrySet()) {
            String field = "search.parameters." + entry.getKey();
            StudyParameter parameter = StudyParameter.byPath(entry.getKey()).orElse(null);
            if (parameter == null) {
                errors.add(new FieldError(field, "is not a parameter a study can search; allowed: "
                        + String.join(", ", StudyParameter.paths())));
                continue;
            }
            if (method.equals("path") && !parameter.strength()) {
                errors.add(new FieldError(field, "a path follows a regularisation strength (l1, l2, weightDecay, "
                        + "dropout); search " + parameter.path() + " with grid or random"));
                continue;
            }
            if (parameter == StudyParameter.HIDDEN_UNITS && template != null
                    && ChildRequests.hiddenLayers(template) == 0) {
                errors.add(new FieldError(field, "the template has no hidden layers"));
                continue;
            }
            StudyRequest.ValueSpec spec = entry.getValue();
            StudyRequest.ValueSpec checked = random && spec != null && spec.count() == null && spec.values() == null
                    ? new StudyRequest.ValueSpec(null, spec.range(), spec.logRange(), 2) : spec;
            List<Double> list = SearchSpace.values(parameter, checked, field, errors);
            if (list != null) {
                values.put(parameter, list);
                specs.put(parameter, spec);
            }
        }
        if (errors.size() > before || values.isEmpty()) {
            return null;
        }
        List<Map<String, Double>> planned = switch (method) {
            case "path" -> SearchSpace.path(values.keySet().iterator().next(), values.values().iterator().next());
            case "grid" -> SearchSpace.grid(values);
            default -> trials == null ? List.of() : SearchSpace.random(specs, trials, seed);
        };
        if (planned.size() > maxStudyJobs) {
            errors.add(new FieldError("search.parameters", "the search has " + planned.size() + " trials; a study "
                    + "trains at most " + maxStudyJobs + " jobs (limit regtrain.limits.max-study-jobs)"));
            return null;
        }
        return new Search(new StudyRequest.Search(method, search.parameters(), trials),
                List.copyOf(values.keySet()), planned);
    }

    private StudyRequest.CrossValidation crossValidation(StudyRequest.CrossValidation cv, List<FieldError> errors) {
        if (cv == null) {
            return new StudyRequest.CrossValidation(null, null, 1);
        }
        if (cv.folds() == null || cv.folds() < Folds.MIN_FOLDS || cv.folds() > Folds.MAX_FOLDS) {
            errors.add(new FieldError("crossValidation.folds", "must be between " + Folds.MIN_FOLDS + " and "
                    + Folds.MAX_FOLDS + "; got " + cv.folds()));
        }
        if (cv.assignment() != null && !CrossValidations.ASSIGNMENTS.contains(cv.assignment())) {
            errors.add(new FieldError("crossValidation.assignment", "must be one of "
                    + String.join(", ", CrossValidations.ASSIGNMENTS) + "; got '" + cv.assignment() + "'"));
        }
        int repeats = cv.repeats() == null ? 1 : cv.repeats();
        if (repeats < 1 || repeats > 10) {
            errors.add(new FieldError("crossValidation.repeats", "must be between 1 and 10; got " + repeats));
        } else if (repeats > 1 && "modulo".equals(cv.assignment())) {
            errors.add(new FieldError("crossValidation.repeats", "modulo folds are the same in every repeat; "
                    + "repeats need stratified or random folds"));
        }
        return new StudyRequest.CrossValidation(cv.folds(), cv.assignment(), repeats);
    }

    private StudyRequest.Selection selection(StudyRequest.Selection selection, Search search,
                                             List<FieldError> errors) {
        String metric = selection == null || selection.metric() == null ? "val_loss" : selection.metric();
        String rule = selection == null || selection.rule() == null ? "min" : selection.rule();
        if (!METRICS.contains(metric)) {
            errors.add(new FieldError("selection.metric", "must be one of " + String.join(", ", METRICS)
                    + "; got '" + metric + "'"));
        }
        if (!RULES.contains(rule)) {
            errors.add(new FieldError("selection.rule", "must be one of " + String.join(", ", RULES) + "; got '"
                    + rule + "'"));
        } else if (rule.equals("oneStandardError") && search != null) {
            if (search.parameters().size() != 1) {
                errors.add(new FieldError("selection.rule", "oneStandardError needs a single searched parameter "
                        + "(the most regularised trial is defined for one); got " + search.parameters().size()));
            } else if (search.parameters().get(0).regularises() == StudyParameter.Regularises.NEITHER) {
                errors.add(new FieldError("selection.rule", "oneStandardError picks the most regularised trial; "
                        + search.parameters().get(0).path() + " does not regularise in either direction (use min)"));
            }
        }
        return new StudyRequest.Selection(metric, rule);
    }
}
