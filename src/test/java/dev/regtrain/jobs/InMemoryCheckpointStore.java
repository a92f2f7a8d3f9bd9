package dev.regtrain.jobs;

import dev.regtrain.common.Sha256;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CheckpointStore} in memory, for unit tests of the lifecycle; it passes the same contract as the real
 * adapters. States are kept encoded, as a real store keeps them, so that a loaded state shares nothing with the
 * trainer's.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private static final StateLimits LIMITS = new StateLimits(100, 100_000, 100_000_000, 1_000_000);

    private record Stored(CheckpointInfo info, byte[] bytes) {
    }

    private static final Comparator<Stored> NEWEST_FIRST = Comparator.comparingInt((Stored s) -> s.info().epoch())
            .reversed().thenComparing(s -> s.info().kind() == CheckpointKind.FINAL ? 0
                    : s.info().kind() == CheckpointKind.PERIODIC ? 1 : 2);

    private final Map<String, List<Stored>> byJob = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FullDisk disk;

    public InMemoryCheckpointStore(Clock clock) {
        this(clock, new FullDisk());
    }

    /** A store whose writes fail while {@code disk} is full. */
    public InMemoryCheckpointStore(Clock clock, FullDisk disk) {
        this.clock = clock;
        this.disk = disk;
    }

    @Override
    public synchronized CheckpointInfo save(String jobId, CheckpointKind kind, TrainingState state,
                                            Double monitorValue) {
        disk.write("a checkpoint");
        byte[] bytes = StateCodec.encode(state);
        CheckpointInfo info = new CheckpointInfo(kind == CheckpointKind.BEST ? "best"
                : Integer.toString(state.epoch()), state.epoch(), kind, monitorValue, clock.instant(), bytes.length,
                Sha256.hex(bytes));
        List<Stored> all = byJob.computeIfAbsent(jobId, id -> new ArrayList<>());
        all.removeIf(s -> s.info().epoch() == state.epoch() && (s.info().kind() == kind
                || kind == CheckpointKind.FINAL && s.info().kind() == CheckpointKind.PERIODIC));
        all.add(new Stored(info, bytes));
        all.sort(NEWEST_FIRST);
        return info;
    }

    /** Every role is kept on its own, as PostgreSQL keeps it. */
    @Override
    public synchronized long storedBytes(Collection<String> jobIds) {
        return jobIds.stream().flatMap(id -> byJob.getOrDefault(id, List.of()).stream())
                .mapToLong(s -> s.bytes().length).sum();
    }

    @Override
    public synchronized List<CheckpointInfo> list(String jobId) {
        List<Stored> all = byJob.getOrDefault(jobId, List.of());
        Stored newestBest = all.stream().filter(s -> s.info().kind() == CheckpointKind.BEST).findFirst().orElse(null);
        return all.stream().filter(s -> s.info().kind() != CheckpointKind.BEST || s == newestBest)
                .map(Stored::info)
                .sorted(Comparator.comparing((CheckpointInfo c) -> c.kind() != CheckpointKind.BEST)
                        .thenComparingInt(CheckpointInfo::epoch))
                .toList();
    }

    @Override
    public synchronized Optional<Loaded> load(String jobId, String ref) {
        List<Stored> all = byJob.getOrDefault(jobId, List.of());
        Optional<Stored> found = switch (ref) {
            case "best" -> all.stream().filter(s -> s.info().kind() == CheckpointKind.BEST).findFirst();
            case "latest" -> all.stream().findFirst();
            default -> all.stream().filter(s -> s.info().kind() != CheckpointKind.BEST
                    && Integer.toString(s.info().epoch()).equals(ref)).findFirst();
        };
        return found.map(s -> new Loaded(s.info(), StateCodec.decode(s.bytes(), LIMITS)));
    }

    @Override
    public synchronized void prune(String jobId, int keepLast) {
        List<Stored> periodic = byJob.getOrDefault(jobId, List.of()).stream()
                .filter(s -> s.info().kind() == CheckpointKind.PERIODIC).toList();
        periodic.stream().skip(keepLast).forEach(s -> byJob.get(jobId).remove(s));
    }

    @Override
    public synchronized void deleteAll(String jobId) {
        byJob.remove(jobId);
    }
}
