package dev.regtrain.jobs;

import dev.regtrain.engine.TrainingState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where checkpoints live; the storage adapters implement it and {@code CheckpointStoreContract} holds every adapter to
 * the same behaviour.
 */
public interface CheckpointStore {

    /** A checkpoint read back: its description and its complete training state. */
    record Loaded(CheckpointInfo info, TrainingState state) {
    }

    CheckpointInfo save(String jobId, CheckpointKind kind, TrainingState state, Double monitorValue);

    /**
     * One state in several roles at once (the best checkpoint that is also a periodic one): an adapter writes it once
     * where it can; this default writes it once per role. {@code monitorValue}, the state's epoch's monitored value,
     * goes with every role.
     */
    default List<CheckpointInfo> saveAs(String jobId, List<CheckpointKind> kinds, TrainingState state,
                                        Double monitorValue) {
        return kinds.stream().map(kind -> save(jobId, kind, state, monitorValue)).toList();
    }

    /** The job's checkpoints, best first, then by epoch. */
    List<CheckpointInfo> list(String jobId);

    /**
     * Loads {@code best}, {@code latest} (the highest epoch that still reads back intact) or an epoch number. A
     * checkpoint that fails its checksum is never returned.
     */
    Optional<Loaded> load(String jobId, String ref);

    /** Keeps the newest {@code keepLast} periodic checkpoints and removes older ones. */
    void prune(String jobId, int keepLast);

    /** Removes every checkpoint of the job. */
    void deleteAll(String jobId);

    /**
     * The bytes the checkpoints of these jobs take in this store, as it keeps them (a state kept once for several
     * roles counts once; a fallback copy it keeps counts too), from sizes it knows without reading the checkpoints:
     * what the storage quota counts.
     */
    long storedBytes(Collection<String> jobIds);
}
