package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.state.CorruptStateException;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.common.Sha256;
import java.io.IOException;
import dev.regtrain.common.DamageLog;
import dev.regtrain.common.StorageException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Checkpoints under {@code <data-dir>/jobs/<id>/checkpoints/}: {@code <kind>-<epoch>.ckpt} holds the versioned,
 * checksummed training state and {@code <kind>-<epoch>.json} its description. The two newest best checkpoints are
 * kept, so that a damaged one falls back to the previous; a file that fails its checksum is never loaded.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileCheckpointStore implements CheckpointStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileCheckpointStore.class);
    private static final int BEST_FILES_KEPT = 2;

    private final Path root;
    private final StateLimits limits;
    private final Clock clock;
    private final DamageLog damage;
    private final VerifiedFiles verified = new VerifiedFiles();
    private final DeferredSync sync = new DeferredSync();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    FileCheckpointStore(RegtrainProperties properties, Clock clock, DamageLog damage) {
        this.damage = damage;
        this.root = properties.dataDir().resolve("jobs");
        RegtrainProperties.Limits l = properties.limits();
        this.limits = new StateLimits(l.maxHiddenLayers() + 1, Math.max(l.maxUnits(), l.maxColumns()),
                l.maxParameters(), l.maxEpochs());
        this.clock = clock;
    }

    private Path dir(String jobId) {
        return StorageJson.directory(root, jobId).resolve("checkpoints");
    }

    @Override
    public CheckpointInfo save(String jobId, CheckpointKind kind, TrainingState state, Double monitorValue) {
        return saveAs(jobId, List.of(kind), state, monitorValue).get(0);
    }

    /**
     * The state is encoded and written once; its other roles are hard links to that file (copies where links fail).
     * A periodic or best checkpoint is forced to disk by {@link DeferredSync} while training goes on; a final one
     * waits for those and is forced before this returns.
     */
    @Override
    public List<CheckpointInfo> saveAs(String jobId, List<CheckpointKind> kinds, TrainingState state,
                                       Double monitorValue) {
        boolean forced = kinds.contains(CheckpointKind.FINAL);
        if (forced) {
            sync.drain();
        }
        synchronized (locks.computeIfAbsent(jobId, id -> new Object())) {
            Path dir = dir(jobId);
            ContentDigest content = new ContentDigest();
            Path written = null;
            List<CheckpointInfo> infos = new ArrayList<>();
            List<Path> toForce = new ArrayList<>();
            for (CheckpointKind kind : kinds) {
                StoredCheckpoint stored = new StoredCheckpoint(null, kind, state.epoch());
                Path file = dir.resolve(stored.base() + ".ckpt");
                if (written == null) {
                    AtomicFiles.write(file, out -> StateCodec.encode(state, content.into(out)), forced);
                    written = file;
                    toForce.add(file);
                } else {
                    AtomicFiles.link(written, file, forced);
                }
                CheckpointInfo info = new CheckpointInfo(kind == CheckpointKind.BEST ? "best"
                        : Integer.toString(state.epoch()), state.epoch(), kind,
                        monitorValue, clock.instant(), content.size(), content.sha256());
                Path description = dir.resolve(stored.base() + ".json");
                AtomicFiles.write(description, out -> out.write(ChecksummedJson.record(info)), forced);
                toForce.add(description);
                if (kind == CheckpointKind.FINAL) {
                    remove(new StoredCheckpoint(null, CheckpointKind.PERIODIC, state.epoch()), dir);
                }
                if (kind == CheckpointKind.BEST) {
                    stored(jobId, CheckpointKind.BEST).stream().skip(BEST_FILES_KEPT).forEach(s -> remove(s, dir));
                }
                infos.add(info);
            }
            if (!forced) {
                sync.force(toForce, dir);
            }
            return infos;
        }
    }

    /** Forces what is still waiting to disk (at shutdown, after the jobs were suspended). */
    @Override
    public void close() {
        sync.close();
    }

    /**
     * The checkpoints that read back intact (each verified once, then again only if its file changes), the newest
     * intact best among them: exactly what {@link #load} can serve. A damaged one is left out and reported.
     */
    @Override
    public List<CheckpointInfo> list(String jobId) {
        List<StoredCheckpoint> all = stored(jobId, null).stream().filter(s -> intact(jobId, s)).toList();
        StoredCheckpoint newestBest = all.stream().filter(s -> s.kind() == CheckpointKind.BEST).findFirst().orElse(null);
        return all.stream().filter(s -> s.kind() != CheckpointKind.BEST || s == newestBest)
                .map(s -> info(jobId, s)).flatMap(Optional::stream)
                .sorted(Comparator.comparing((CheckpointInfo c) -> c.kind() != CheckpointKind.BEST)
                        .thenComparingInt(CheckpointInfo::epoch))
                .toList();
    }

    @Override
    public Optional<Loaded> load(String jobId, String ref) {
        List<StoredCheckpoint> candidates;
        if (ref.equals("best")) {
            candidates = stored(jobId, CheckpointKind.BEST);
        } else if (ref.equals("latest")) {
            candidates = stored(jobId, null);
        } else {
            int epoch = parseEpoch(ref);
            candidates = stored(jobId, null).stream()
                    .filter(s -> s.kind() != CheckpointKind.BEST && s.epoch() == epoch).toList();
        }
        for (StoredCheckpoint candidate : candidates) {
            try {
                TrainingState state = StateCodec.decode(AtomicFiles.read(candidate.file()), limits);
                return info(jobId, candidate).map(info -> new Loaded(info, state));
            } catch (CorruptStateException | StorageException e) {
                if (reportDamaged(jobId, candidate)) {
                    log.warn("job {}: checkpoint {} does not read back: {}", jobId, candidate.base(), e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void prune(String jobId, int keepLast) {
        synchronized (locks.computeIfAbsent(jobId, id -> new Object())) {
            Path dir = dir(jobId);
            stored(jobId, CheckpointKind.PERIODIC).stream().skip(keepLast).forEach(s -> remove(s, dir));
        }
    }

    private boolean intact(String jobId, StoredCheckpoint stored) {
        if (verified.intact(stored.file())) {
            return true;
        }
        reportDamaged(jobId, stored);
        return false;
    }

    /**
     * Reports a checkpoint that does not read back; one that is gone (pruned since its folder was listed) is not
     * damaged and is not reported. Whether it was reported.
     */
    private boolean reportDamaged(String jobId, StoredCheckpoint stored) {
        if (!Files.exists(stored.file())) {
            return false;
        }
        damage.report("job", jobId, "the " + stored.kind().name().toLowerCase(Locale.ROOT) + " checkpoint of epoch "
                + stored.epoch() + " is damaged (it does not read back intact); it is not served, and the checkpoint "
                + "list and the model fall back to the intact ones");
        return true;
    }

    @Override
    public void deleteAll(String jobId) {
        synchronized (locks.computeIfAbsent(jobId, id -> new Object())) {
            AtomicFiles.deleteTree(dir(jobId));
            verified.forget(dir(jobId));
        }
        locks.remove(jobId);
    }

    /**
     * The sizes of the checkpoint files from the file system (not read): every kept file, the fallback best too, and
     * a file linked under several roles once.
     */
    @Override
    public long storedBytes(Collection<String> jobIds) {
        long bytes = 0;
        for (String jobId : jobIds) {
            Set<Object> counted = new HashSet<>();
            for (StoredCheckpoint stored : stored(jobId, null)) {
                try {
                    BasicFileAttributes file = Files.readAttributes(stored.file(), BasicFileAttributes.class);
                    if (counted.add(file.fileKey() != null ? file.fileKey() : stored.file())) {
                        bytes += file.size();
                    }
                } catch (NoSuchFileException e) {
                    // pruned meanwhile
                } catch (IOException e) {
                    throw new StorageException("cannot read the size of a checkpoint", e);
                }
            }
        }
        return bytes;
    }

    private static int parseEpoch(String ref) {
        try {
            return Integer.parseInt(ref);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Checkpoint files of a kind (all kinds when null), newest epoch first; at equal epochs final, periodic, best. */
    private List<StoredCheckpoint> stored(String jobId, CheckpointKind kind) {
        return StoredCheckpoint.in(dir(jobId), kind);
    }

    /** The sidecar description, or one rebuilt from the file when the sidecar was lost or damaged in a crash. */
    private Optional<CheckpointInfo> info(String jobId, StoredCheckpoint stored) {
        Path sidecar = dir(jobId).resolve(stored.base() + ".json");
        if (Files.exists(sidecar)) {
            try {
                return Optional.of(ChecksummedJson.readRecord(AtomicFiles.read(sidecar), CheckpointInfo.class));
            } catch (ChecksummedJson.Damaged | RuntimeException e) {
                log.warn("job {}: the description {} is damaged; it is rebuilt from its checkpoint: {}", jobId,
                        sidecar.getFileName(), e.getMessage());
            }
        }
        try {
            byte[] bytes = AtomicFiles.read(stored.file());
            return Optional.of(new CheckpointInfo(stored.kind() == CheckpointKind.BEST ? "best"
                    : Integer.toString(stored.epoch()), stored.epoch(), stored.kind(), null,
                    Files.getLastModifiedTime(stored.file()).toInstant(), bytes.length, Sha256.hex(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void remove(StoredCheckpoint stored, Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(stored.base() + ".json"));
            Files.deleteIfExists(dir.resolve(stored.base() + ".ckpt"));
        } catch (IOException e) {
            log.warn("could not remove checkpoint {}", stored.base(), e);
        }
    }
}
