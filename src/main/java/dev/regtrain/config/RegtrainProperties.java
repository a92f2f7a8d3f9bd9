package dev.regtrain.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting and limit of the service, prefix {@code regtrain}. Limits are named in the error messages they cause
 * (for example {@code regtrain.limits.max-units}), so an operator knows what to raise.
 *
 * @param dataDir where jobs, checkpoints and datasets live (env {@code REGTRAIN_DATA_DIR})
 * @param workers training threads; 0 means one per available core
 * @param queueCapacity jobs that may wait for a worker; a submission beyond it is answered 429
 * @param shutdownGrace how long a shutdown waits for running jobs to checkpoint their last complete epoch
 * @param idempotencyRetention how long an Idempotency-Key is remembered
 * @param minFreeSpace below this much free space in the data directory the service reports itself not ready
 * @param store where jobs, metrics, checkpoints, datasets and keys live: {@code file} (under {@code dataDir}, one
 *              instance) or {@code postgres} ({@code spring.datasource.*}, any number of instances)
 * @param cluster how instances sharing one PostgreSQL store hand jobs over
 */
@Validated
@ConfigurationProperties("regtrain")
public record RegtrainProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Min(0) @Max(256) @DefaultValue("0") int workers,
        @Min(1) @Max(100_000) @DefaultValue("100") int queueCapacity,
        @NotNull @DefaultValue("30s") Duration shutdownGrace,
        @NotNull @DefaultValue("24h") Duration idempotencyRetention,
        @NotNull @DefaultValue("100MB") DataSize minFreeSpace,
        @Valid @NotNull @DefaultValue Engine engine,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Events events,
        @NotNull @DefaultValue("file") Store store,
        @Valid @NotNull @DefaultValue Cluster cluster) {

    /** The storage adapters the service runs on. */
    public enum Store {
        /** Files under {@code regtrain.data-dir}: the embedded default, one instance. */
        FILE,
        /** One PostgreSQL database shared by any number of instances. */
        POSTGRES
    }

    /**
     * @param leaseTimeout how long a job stays with an instance that stopped renewing its lease (it renews every third
     *                     of this); after it another instance resumes the job from its last checkpoint
     */
    public record Cluster(@NotNull @DefaultValue("30s") Duration leaseTimeout) {
    }

    /** The number of training threads after resolving 0 to the number of cores. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param kernel the matrix-multiply kernel: auto, vector or ojalgo
     * @param threads the cores a job that trains alone may use (0: all of them); with several jobs training, each
     *                uses one
     */
    public record Engine(@NotNull @Pattern(regexp = "auto|vector|ojalgo") @DefaultValue("auto") String kernel,
                         @NotNull @Min(0) @Max(1024) @DefaultValue("0") Integer threads) {

        /** The number of threads after resolving 0 to the number of cores. */
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * Upper bounds on what a request may ask for; each is checked before anything is allocated.
     *
     * @param maxRequestBytes the largest JSON body (a job with a model document for warm start can be large)
     * @param maxUploadBytes the largest CSV upload
     * @param maxJobMemory the memory that the jobs training at once may need together, by their estimates: a job that
     *                     alone needs more is refused, one that does not fit beside the running ones waits; 0 =
     *                     {@value #DEFAULT_JOB_MEMORY_PERCENT}% of the heap
     * @param maxBodiesPerClient request bodies one client (remote address) may send at once; more are 429
     * @param minBodyRate after {@code bodyGrace}, a body must have arrived at this average rate per second or it is
     *                    refused with 408 (a client trickling a body must not hold a request thread)
     * @param maxPredictionWork the most multiply-adds one prediction request may ask for (rows × passes ×
     *                          parameters); more is a 400 that says so before anything is computed
     * @param predictionTimeout a prediction that computes longer is stopped (503): an abandoned request does not
     *                          compute on
     * @param maxStudyJobs the most jobs one study may train (trials × folds × repeats, plus the refit)
     */
    public record Limits(
            @Min(1) @Max(1000) @DefaultValue("16") int maxHiddenLayers,
            @Min(1) @DefaultValue("4096") int maxUnits,
            @Min(1) @DefaultValue("20000000") long maxParameters,
            @Min(1) @DefaultValue("100000") int maxEpochs,
            @Min(2) @DefaultValue("1000000") long maxRows,
            @Min(1) @DefaultValue("10000") int maxColumns,
            @NotNull @DefaultValue("32MB") DataSize maxRequestBytes,
            @NotNull @DefaultValue("512MB") DataSize maxUploadBytes,
            @Min(1) @DefaultValue("100000") int maxPredictionRows,
            @Min(1) @DefaultValue("1000") int maxMonteCarloSamples,
            @Min(1) @DefaultValue("1000") int maxListLimit,
            @NotNull @DefaultValue("0") DataSize maxJobMemory,
            @Min(1) @DefaultValue("32") int maxBodiesPerClient,
            @NotNull @DefaultValue("8KB") DataSize minBodyRate,
            @NotNull @DefaultValue("10s") Duration bodyGrace,
            @Min(1) @DefaultValue("20000000000") long maxPredictionWork,
            @NotNull @DefaultValue("60s") Duration predictionTimeout,
            @Min(1) @DefaultValue("1000") int maxStudyJobs) {

        /**
         * The share of the heap that training jobs may use together by default: the rest is the service's own
         * (requests, predictions, uploads) and the collector's room to work.
         */
        public static final int DEFAULT_JOB_MEMORY_PERCENT = 60;

        /** The memory the jobs training at once may need together: the configured value, or a share of the heap. */
        public long jobMemoryBudget() {
            return maxJobMemory.toBytes() > 0 ? maxJobMemory.toBytes()
                    : Runtime.getRuntime().maxMemory() / 100 * DEFAULT_JOB_MEMORY_PERCENT;
        }
    }

    /**
     * @param maxStreams concurrent server-sent event streams; more are answered 503
     * @param maxStreamsPerClient streams one client (remote address) may hold at once; more are answered 429
     * @param heartbeat how often an idle stream sends a comment, to notice clients that went away (their slot is
     *                  free again after at most this long)
     */
    public record Events(@Min(1) @DefaultValue("200") int maxStreams,
                         @Min(1) @DefaultValue("20") int maxStreamsPerClient,
                         @NotNull @DefaultValue("5s") Duration heartbeat) {
    }
}
