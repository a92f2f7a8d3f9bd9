package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory estimate is measured, not guessed: jobs of several shapes and optimizers, each chosen so that another
 * term dominates (the parameters and the optimizer's slots, a best checkpoint kept to be written later, the
 * activations of a large batch, the data, dropout and mixup, batch normalisation with the training objective
 * evaluated over the training rows, a resume from a checkpoint), train one after another
 * in a JVM with a small heap ({@link MemoryProbe}); each one's measured peak must be at most its estimate, and the
 * estimate at most twice the peak. The heap is sized so that the largest job fits the default budget (60% of the
 * heap): a job the service admits by default trains in it, beside the service, without running out of memory.
 * Writes the table to {@code target/memory-estimate.md}.
 */
@Tag("slow")
class MemoryEstimateIT {

    static final String HEAP = "512m";

    /** Name → job: each name says what dominates its memory. */
    static final Map<String, String> JOBS = jobs();

    @TempDir
    Path dir;

    private static Map<String, String> jobs() {
        String blobs = "\"dataset\": {\"builtin\": \"blobs\", \"samples\": %d, \"features\": %d, \"classes\": 4}";
        String wide = "\"network\": {\"hidden\": [{\"units\": 1024}, {\"units\": 1024}]}";
        java.util.LinkedHashMap<String, String> jobs = new java.util.LinkedHashMap<>();
        for (String optimizer : List.of("sgd", "momentum", "adam")) {
            jobs.put("parameters-" + optimizer, job(blobs.formatted(1000, 256), wide,
                    "\"training\": {\"epochs\": 2, \"batchSize\": 64, \"optimizer\": \"" + optimizer + "\"}"));
        }
        jobs.put("deferred-best-adam", job(blobs.formatted(300, 64), wide,
                "\"training\": {\"epochs\": 6, \"batchSize\": 0, \"optimizer\": \"adam\"}",
                "\"checkpoints\": {\"everyEpochs\": 0}"));
        jobs.put("activations-sgd", job(blobs.formatted(8192, 64),
                "\"network\": {\"hidden\": [{\"units\": 512}, {\"units\": 512}]}",
                "\"training\": {\"epochs\": 1, \"batchSize\": 2048, \"optimizer\": \"sgd\"}"));
        jobs.put("data-sgd", job(blobs.formatted(100_000, 100), "\"network\": {\"hidden\": [{\"units\": 16}]}",
                "\"training\": {\"epochs\": 1, \"batchSize\": 256, \"optimizer\": \"sgd\"}"));
        jobs.put("dropout-mixup-momentum", job(blobs.formatted(4000, 128),
                "\"network\": {\"hidden\": [{\"units\": 512}, {\"units\": 512}]}",
                "\"training\": {\"epochs\": 2, \"batchSize\": 512, \"optimizer\": \"momentum\"}",
                "\"regularization\": {\"dropout\": {\"input\": 0.2, \"hidden\": 0.5}, "
                        + "\"augmentation\": {\"mixup\": 0.4}}"));
        jobs.put("batchnorm-no-validation-adam", job(blobs.formatted(4000, 128),
                "\"network\": {\"hidden\": [{\"units\": 512, \"batchNorm\": true}, "
                        + "{\"units\": 512, \"batchNorm\": true}]}", "\"validationSplit\": 0",
                "\"training\": {\"epochs\": 2, \"batchSize\": 512, \"optimizer\": \"adam\"}"));
        jobs.put("resume-adam", job(blobs.formatted(1000, 256), wide,
                "\"training\": {\"epochs\": 3, \"batchSize\": 64, \"optimizer\": \"adam\"}"));
        // float32: the network, its optimizer state, the workspaces and the examples' features in floats, the
        // targets and checkpoints in doubles
        jobs.put("data-sgd-float32", job(blobs.formatted(100_000, 100),
                "\"network\": {\"hidden\": [{\"units\": 16}]}", "\"training\": {\"epochs\": 1, \"batchSize\": 256, "
                        + "\"optimizer\": \"sgd\", \"precision\": \"float32\"}"));
        jobs.put("parameters-adam-float32", job(blobs.formatted(1000, 256), wide, "\"training\": {\"epochs\": 2, "
                + "\"batchSize\": 64, \"optimizer\": \"adam\", \"precision\": \"float32\"}"));
        jobs.put("activations-dropout-float32", job(blobs.formatted(8192, 64),
                "\"network\": {\"hidden\": [{\"units\": 512}, {\"units\": 512}]}",
                "\"training\": {\"epochs\": 1, \"batchSize\": 2048, \"optimizer\": \"momentum\", "
                        + "\"precision\": \"float32\"}", "\"regularization\": {\"dropout\": {\"hidden\": 0.5}}"));
        return jobs;
    }

    private static String job(String... sections) {
        List<String> all = new ArrayList<>(List.of("\"seed\": 1"));
        all.addAll(List.of(sections));
        if (all.stream().noneMatch(s -> s.startsWith("\"checkpoints\""))) {
            all.add("\"checkpoints\": {\"everyEpochs\": 1}");
        }
        return "{" + String.join(", ", all) + "}";
    }

    /** One measured job: what it was estimated to need and what it took at its peak, in bytes. */
    record Row(String name, String outcome, long parameters, long checkpoint, long batch, long validation,
               long data, long loading, long estimate, long baseline, long peak) {

        static Row parse(String line) {
            String[] f = line.split("\t");
            return new Row(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    Long.parseLong(f[9]), Long.parseLong(f[10]));
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | **%d** | **%d** | %.2f |", name,
                    parameters >> 20, checkpoint >> 20, batch >> 20, validation >> 20, data >> 20, loading >> 20,
                    estimate >> 20, peak >> 20, (double) estimate / peak);
        }
    }

    @Test
    void everyJobPeaksBelowItsEstimateAndAboveHalfOfIt() throws Exception {
        Path results = dir.resolve("results.tsv");
        Path log = Path.of("target", "memory-probe.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx" + HEAP, "-XX:+UseG1GC", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), MemoryProbe.class.getName(), dir.resolve("data").toString(),
                results.toString()));
        JOBS.forEach((name, json) -> command.add(name + "=" + json));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(probe.waitFor(30, TimeUnit.MINUTES)).as("the probe ends (its log: %s)", log).isTrue();
        assertThat(probe.exitValue()).as("the probe's exit (its log: %s)", log).isZero();

        List<Row> rows = Files.readAllLines(results).stream().map(Row::parse).toList();
        List<String> table = new ArrayList<>(List.of("Heap -Xmx" + HEAP + " (G1), sizes in MiB", "",
                "| job | parameters | checkpoint | batch | validation | data | loading | estimate | peak "
                        + "| estimate / peak |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"));
        rows.forEach(r -> table.add(r.markdown()));
        Files.write(Path.of("target", "memory-estimate.md"), table);
        System.out.println(String.join(System.lineSeparator(), table));

        assertThat(rows).extracting(Row::name).containsExactlyElementsOf(JOBS.keySet());
        for (Row row : rows) {
            assertThat(row.outcome()).as(row.name()).isEqualTo("SUCCEEDED");
            assertThat(row.estimate()).as("%s: the estimate covers the peak", row.name()).isGreaterThanOrEqualTo(row.peak());
            assertThat(row.estimate()).as("%s: the estimate is at most twice the peak", row.name())
                    .isLessThanOrEqualTo(2 * row.peak());
        }
    }
}
