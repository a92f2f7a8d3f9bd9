package dev.regtrain.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The service's own metrics, all named {@code regtrain.*} (Prometheus: {@code regtrain_*}). */
public final class JobMetrics {

    private final Counter epochs;
    private final Counter samples;
    private final Map<String, Double> samplesPerSecondByJob = new ConcurrentHashMap<>();

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry, Supplier<Integer> waiting) {
        this.registry = registry;
        this.epochs = Counter.builder("regtrain.epochs.trained").description("Epochs trained by all jobs")
                .register(registry);
        this.samples = Counter.builder("regtrain.training.samples").description("Training examples processed")
                .register(registry);
        Gauge.builder("regtrain.queue.length", waiting::get).description("Jobs waiting for a worker")
                .register(registry);
        Gauge.builder("regtrain.training.samples.per.second",
                        () -> samplesPerSecondByJob.values().stream().mapToDouble(Double::doubleValue).sum())
                .description("Training examples per second over the running jobs' latest epochs")
                .register(registry);
    }

    /** Registers the jobs-by-status gauges, read from {@code countsByStatus} at every scrape. */
    void countStatusesWith(Supplier<Map<JobStatus, Long>> countsByStatus) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("regtrain.jobs", () -> countsByStatus.get().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("Jobs by status").register(registry);
        }
    }

    void epochDone(String jobId, int trainingExamples, double seconds) {
        epochs.increment();
        samples.increment(trainingExamples);
        if (seconds > 0) {
            samplesPerSecondByJob.put(jobId, trainingExamples / seconds);
        }
    }

    void jobStopped(String jobId) {
        samplesPerSecondByJob.remove(jobId);
    }
}
