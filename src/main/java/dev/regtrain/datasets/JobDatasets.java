package dev.regtrain.datasets;

import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.Dataset;
import dev.regtrain.jobs.request.DatasetRequest;
import dev.regtrain.jobs.request.JobRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dataset a job trains on: generated from its seed, or an upload. */
public final class JobDatasets {

    private final DatasetService uploads;

    public JobDatasets(DatasetService uploads) {
        this.uploads = uploads;
    }

    public Dataset forJob(JobRequest request) {
        DatasetRequest dataset = request.dataset();
        if (dataset.id() != null) {
            return uploads.load(dataset.id());
        }
        return BuiltinDatasets.generate(dataset.builtin(), parameters(dataset), request.seed());
    }

    /** A built-in generator's parameters as the generator takes them. */
    public static Map<String, Double> parameters(DatasetRequest dataset) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        dataset.parameters().forEach((name, value) -> parameters.put(name, ((Number) value).doubleValue()));
        return parameters;
    }
}
