package dev.regtrain.process;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import dev.regtrain.RegtrainApplication;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.jobs.JobEvents;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.request.DatasetLookup;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.MemoryEstimate;
import dev.regtrain.jobs.request.RequestResolver;
import dev.regtrain.models.document.ModelDocument;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains jobs one after another in this JVM (the service without its web server, on a data directory of its own) and
 * measures each one's peak heap: the most heap in use right after full collections while the job runs, less what
 * was in use after them before it. A sampler thread forces full collections every few tens of milliseconds, so that
 * every sample is live data, not garbage waiting for a collection (a sample for which the collector skipped the
 * collection is dropped). A job whose name starts with {@code resume} is stopped by a shutdown of the
 * service after its first epoch and measured as it resumes in a new one (the peak covers reading its checkpoint
 * back). Writes one tab-separated line per job: its name, how it ended, the estimate's terms and total in bytes, the
 * baseline, the peak. Started by {@link MemoryEstimateIT} in a JVM of its own with a small heap.
 *
 * <p>Arguments: the data directory, the result file, then {@code name=json} per job.
 */
public final class MemoryProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SAMPLE_PAUSE = Duration.ofMillis(30);

    private final Path dataDir;
    private ConfigurableApplicationContext context;

    private MemoryProbe(Path dataDir) {
        this.dataDir = dataDir;
        this.context = start();
    }

    public static void main(String[] args) throws Exception {
        MemoryProbe probe = new MemoryProbe(Path.of(args[0]));
        List<String> lines = new ArrayList<>();
        try {
            for (int i = 2; i < args.length; i++) {
                String name = args[i].substring(0, args[i].indexOf('='));
                lines.add(probe.measure(name, JSON.readValue(args[i].substring(name.length() + 1), JobRequest.class)));
            }
        } finally {
            probe.context.close();
        }
        Files.write(Path.of(args[1]), lines);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RegtrainApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--regtrain.data-dir=" + dataDir, "--regtrain.workers=1", "--logging.level.root=WARN");
    }

    private JobService jobs() {
        return context.getBean(JobService.class);
    }

    private String measure(String name, JobRequest request) throws InterruptedException {
        MemoryEstimate estimate = new RequestResolver(context.getBean(RegtrainProperties.class).limits(),
                new NoUploads()).resolve(request).memory();
        long baseline = liveHeap();
        Sampler sampler = new Sampler();
        String id;
        if (name.startsWith("resume")) {
            id = jobs().submit(request).id();
            awaitEpoch(id, 1);
            context.close(); // the job checkpoints its last whole epoch and stays RUNNING
            sampler.start();
            context = start(); // the job resumes from that checkpoint
        } else {
            sampler.start();
            id = jobs().submit(request).id();
        }
        JobRecord done = awaitEnd(id);
        long peak = sampler.stop() - baseline;
        String outcome = done.status() + (done.error() == null ? "" : " " + done.error().message());
        System.out.printf(Locale.ROOT, "%s: %s, estimate %d MiB, peak %d MiB%n", name, outcome,
                estimate.bytes() >> 20, peak >> 20);
        return String.join("\t", name, outcome.replace('\t', ' '), Long.toString(estimate.parameterBytes()),
                Long.toString(estimate.checkpointBytes()), Long.toString(estimate.batchBytes()),
                Long.toString(estimate.validationBytes()), Long.toString(estimate.dataBytes()),
                Long.toString(estimate.loadingBytes()),
                Long.toString(estimate.bytes()), Long.toString(baseline), Long.toString(peak));
    }

    private void awaitEpoch(String id, int epoch) throws InterruptedException {
        JobEvents.Cursor cursor = jobs().follow(id, 0).cursor();
        while (cursor.epochsSent() < epoch) {
            JobEvents.Batch batch = jobs().next(id, cursor, Duration.ofSeconds(5));
            if (batch.finished()) {
                throw new IllegalStateException("job " + id + " ended before epoch " + epoch);
            }
            cursor = batch.next();
        }
    }

    private JobRecord awaitEnd(String id) throws InterruptedException {
        JobEvents.Cursor cursor = jobs().follow(id, Integer.MAX_VALUE).cursor();
        while (true) {
            JobEvents.Batch batch = jobs().next(id, cursor, Duration.ofSeconds(5));
            if (batch.finished()) {
                return jobs().get(id);
            }
            cursor = batch.next();
        }
    }

    /** The collector whose collections are full ones (this probe runs with G1). */
    private static final GarbageCollectorMXBean FULL = ManagementFactory
            .getPlatformMXBeans(GarbageCollectorMXBean.class).stream()
            .filter(gc -> gc.getName().equals("G1 Old Generation")).findFirst()
            .orElseThrow(() -> new IllegalStateException("the probe needs G1 (-XX:+UseG1GC)"));
    private static final List<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();

    /** The heap in use right after a full collection. */
    private static long liveHeap() {
        long sample;
        do {
            sample = liveHeapOrMinusOne();
        } while (sample < 0);
        return sample;
    }

    /**
     * The heap in use at the end of a full collection, as the collector itself reports it (read afterwards, the
     * heap in use would count what the training threads allocated meanwhile: a still-interpreted vector kernel
     * allocates tens of megabytes of garbage in a few milliseconds); −1 when the collector skipped the collection
     * (while a thread is in a JNI critical section, a file write for one).
     */
    private static long liveHeapOrMinusOne() {
        long before = FULL.getCollectionCount();
        System.gc();
        GcInfo last = FULL.getLastGcInfo();
        if (FULL.getCollectionCount() == before || last == null) {
            return -1;
        }
        Map<String, MemoryUsage> after = last.getMemoryUsageAfterGc();
        return HEAP_POOLS.stream().mapToLong(pool -> after.get(pool).getUsed()).sum();
    }

    /** Samples the live heap on a thread of its own, keeping the largest sample. */
    private static final class Sampler {

        private volatile boolean sampling;
        private volatile long largest;
        private Thread thread;

        void start() {
            sampling = true;
            thread = new Thread(() -> {
                while (sampling) {
                    largest = Math.max(largest, liveHeapOrMinusOne());
                    LockSupport.parkNanos(SAMPLE_PAUSE.toNanos());
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            sampling = false;
            thread.join();
            return largest;
        }
    }

    private static final class NoUploads implements DatasetLookup {

        @Override
        public Optional<DatasetShape> uploaded(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
            return Optional.empty();
        }
    }
}
