package dev.regtrain.jobs.request;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.InvalidParameterException;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.models.document.ModelDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Validates a submitted job against API.md and the configured limits, reporting every problem with its field path,
 * and fills in every default. Sizes are checked arithmetically, before anything is allocated.
 */
public final class RequestResolver {

    private final RegtrainProperties.Limits limits;
    private final DatasetLookup lookup;

    public RequestResolver(RegtrainProperties.Limits limits, DatasetLookup lookup) {
        this.limits = limits;
        this.lookup = lookup;
    }

    public Resolution resolve(JobRequest raw) {
        Checks checks = new Checks();
        if (raw == null) {
            throw new InvalidRequestException("body", "a job needs a JSON body");
        }
        if (raw.name() != null && raw.name().length() > 200) {
            checks.fail("name", "must be at most 200 characters");
        }
        long seed = raw.seed() != null ? raw.seed() : ThreadLocalRandom.current().nextLong(1L << 53);
        DatasetResolution dataset = resolveDataset(raw.dataset(), checks);
        double split = checks.number("validationSplit", raw.validationSplit(), 0.2, 0, 1, true);
        CrossValidationRequest crossValidation = CrossValidations.resolve(raw.crossValidation(), seed,
                dataset.shape(), checks);
        boolean standardize = raw.standardize() == null || raw.standardize();
        NetworkResolution network = NetworkResolution.resolve(raw.network(), dataset.shape(), limits, checks);
        TrainingResolution training = TrainingResolution.resolve(raw.training(), limits, dataset.shape(), split,
                checks);
        if (network.hasBatchNorm() && training.echo().batchSize() == 1) {
            checks.fail("training.batchSize", "must be 0 (full batch) or at least 2 with batch normalisation, which "
                    + "normalises over the examples of a batch");
        }
        RegularizationResolution regularization = RegularizationResolution.resolve(raw.regularization(),
                network, training, dataset.shape(), crossValidation != null ? 1 : split, checks);
        CheckpointRequest checkpoints = resolveCheckpoints(raw.checkpoints(), checks);
        ModelDocument initialModel = WarmStarts.resolve(raw.initialWeights(), network, lookup, checks);
        if (!checks.ok()) {
            throw new InvalidRequestException(checks.errors());
        }
        JobRequest resolved = new JobRequest(raw.name(), seed, dataset.echo(), split, standardize, network.echo(),
                training.echo(), regularization.echo(), checkpoints, WarmStarts.echo(raw.initialWeights(), initialModel),
                crossValidation);
        MemoryEstimate memory = estimate(resolved, dataset.shape());
        long budget = limits.jobMemoryBudget();
        if (memory.bytes() > budget) {
            throw new InvalidRequestException("network", "the job would need about " + (memory.bytes() >> 20)
                    + " MiB of memory; jobs may use " + (budget >> 20) + " MiB (regtrain.limits.max-job-memory, by "
                    + "default " + RegtrainProperties.Limits.DEFAULT_JOB_MEMORY_PERCENT + "% of the heap): use fewer "
                    + "units, a smaller batch or dataset, or give the service more memory");
        }
        return new Resolution(resolved, dataset.shape(), initialModel, memory);
    }

    /**
     * The memory estimate of a job resolved before (at a restart, to admit it again); zero when its uploaded dataset
     * is gone (the job then fails when it starts).
     */
    public long memoryBytes(JobRequest resolved) {
        DatasetRequest dataset = resolved.dataset();
        DatasetShape shape;
        if (dataset.id() != null) {
            shape = lookup.uploaded(dataset.id()).orElse(null);
        } else {
            Map<String, Double> parameters = new LinkedHashMap<>();
            dataset.parameters().forEach((name, value) -> parameters.put(name, ((Number) value).doubleValue()));
            shape = BuiltinShapes.describe(dataset.builtin(), parameters);
        }
        return shape == null ? 0 : estimate(resolved, shape).bytes();
    }

    private static MemoryEstimate estimate(JobRequest resolved, DatasetShape data) {
        int outputs = switch (resolved.network().output()) {
            case "softmax" -> data.classes().size();
            default -> 1;
        };
        TrainingPlan plan = PlanFactory.plan(resolved, data.inputs(), outputs, resolved.validationSplit() > 0,
                data.classes());
        long rows = data.rows();
        double held = resolved.validationSplit() * rows;
        long minValidation;
        long maxValidation;
        if (resolved.validationSplit() == 0) {
            minValidation = 0;
            maxValidation = 0;
        } else if (data.classification()) { // rounded class by class
            double slack = data.classes().size() / 2.0;
            minValidation = Math.max(0, (long) Math.floor(held - slack));
            maxValidation = Math.min(rows - 1, (long) Math.ceil(held + slack));
        } else {
            minValidation = Math.round(held);
            maxValidation = minValidation;
        }
        AugmentationRequest augmentation = resolved.regularization().augmentation();
        boolean mixup = augmentation != null && augmentation.mixup() != null && augmentation.mixup() > 0;
        return MemoryEstimate.of(plan, rows, rows - maxValidation, rows - minValidation, mixup, HeapRegions.BYTES);
    }

    private record DatasetResolution(DatasetRequest echo, DatasetShape shape) {
    }

    private DatasetResolution resolveDataset(DatasetRequest dataset, Checks checks) {
        if (dataset == null) {
            checks.fail("dataset", "is required: {\"builtin\": NAME, ...parameters} or {\"id\": DATASET_ID}");
            return new DatasetResolution(null, null);
        }
        if ((dataset.builtin() == null) == (dataset.id() == null)) {
            checks.fail("dataset", "needs exactly one of 'builtin' and 'id'");
            return new DatasetResolution(null, null);
        }
        if (dataset.id() != null) {
            if (!dataset.parameters().isEmpty()) {
                checks.fail("dataset." + dataset.parameters().keySet().iterator().next(),
                        "is not a property of an uploaded dataset; only 'id' is");
            }
            DatasetShape shape = lookup.uploaded(dataset.id()).orElse(null);
            if (shape == null) {
                checks.fail("dataset.id", "no dataset with id '" + dataset.id() + "'");
            }
            return new DatasetResolution(new DatasetRequest(null, dataset.id(), null), shape);
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : dataset.parameters().entrySet()) {
            if (entry.getValue() instanceof Number number) {
                parameters.put(entry.getKey(), number.doubleValue());
            } else {
                checks.fail("dataset." + entry.getKey(), "must be a number");
            }
        }
        try {
            Map<String, Double> filled = BuiltinDatasets.withDefaults(dataset.builtin(), parameters);
            DatasetShape shape = BuiltinShapes.describe(dataset.builtin(), filled);
            if (shape.rows() > limits.maxRows()) {
                checks.fail("dataset.samples", "must be at most " + limits.maxRows()
                        + " (limit regtrain.limits.max-rows); got " + shape.rows());
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            filled.forEach((key, value) -> echo.put(key, BuiltinShapes.isInteger(dataset.builtin(), key)
                    ? (Object) Math.round(value) : (Object) value));
            return new DatasetResolution(new DatasetRequest(dataset.builtin(), null, echo), shape);
        } catch (InvalidParameterException e) {
            String parameter = e.parameter();
            checks.fail(parameter.equals("builtin") ? "dataset.builtin" : "dataset." + parameter, e.getMessage());
            return new DatasetResolution(null, null);
        }
    }

    private CheckpointRequest resolveCheckpoints(CheckpointRequest checkpoints, Checks checks) {
        CheckpointRequest c = checkpoints != null ? checkpoints : new CheckpointRequest(null, null);
        int every = checks.integer("checkpoints.everyEpochs", c.everyEpochs(), 10, 0, limits.maxEpochs(), null);
        int keep = checks.integer("checkpoints.keepLast", c.keepLast(), 3, 1, 1000, null);
        return new CheckpointRequest(every, keep);
    }
}
