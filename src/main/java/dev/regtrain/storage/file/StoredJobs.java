package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.jobs.JobRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job records found at start. A record that fails its checksum, cannot be read, or lacks what every job has (its
 * own id, a creation time, a status, a request) is quarantined: its file is renamed {@code job.json.damaged} (kept for
 * an operator), the damage is reported, and the job is answered as damaged instead of stopping the start or breaking
 * a list.
 */
final class StoredJobs {

    private static final Logger log = LoggerFactory.getLogger(StoredJobs.class);
    static final String DAMAGED_SUFFIX = ".damaged";

    final Map<String, JobRecord> records = new ConcurrentHashMap<>();
    /** Quarantined job ids and what was wrong. */
    final Map<String, String> quarantined = new ConcurrentHashMap<>();

    StoredJobs(Path root, DamageLog damage) {
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                load(folder, damage);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the jobs folder of the data directory cannot be listed", e);
        }
    }

    private void load(Path folder, DamageLog damage) {
        String id = folder.getFileName().toString();
        Path file = folder.resolve("job.json");
        Path kept = folder.resolve("job.json" + DAMAGED_SUFFIX);
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(kept)) {
                quarantined.put(id, "its record was found damaged at an earlier start");
                damage.report("job", id, quarantined.get(id));
            }
            return;
        }
        String problem;
        try {
            JobRecord record = ChecksummedJson.readRecord(Files.readAllBytes(file), JobRecord.class);
            problem = missing(record, id);
            if (problem == null) {
                records.put(id, record);
                return;
            }
        } catch (ChecksummedJson.Damaged e) {
            problem = e.getMessage();
        } catch (IOException | RuntimeException e) {
            problem = "it cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        String detail = "its record (job.json) is damaged: " + problem + "; the file was kept as job.json"
                + DAMAGED_SUFFIX + ", and the job's metrics and checkpoints are kept";
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("job {}: its damaged record could not be set aside: {}", id, e.getMessage());
        }
        quarantined.put(id, detail);
        damage.report("job", id, detail);
    }

    /** What a readable record lacks that every job has, or null. */
    private static String missing(JobRecord record, String folder) {
        if (record.id() == null || !record.id().equals(folder)) {
            return "its id is not its folder's name";
        }
        return record.missing();
    }
}
