package dev.regtrain.storage.postgres;

import dev.regtrain.engine.TrainingState;
import dev.regtrain.engine.state.CorruptStateException;
import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in PostgreSQL: the description in {@code checkpoints}, the versioned, checksummed training state
 * ({@link StateCodec}) streamed into {@code checkpoint_chunks} ({@link Chunks}) as it is encoded, with no copy of it in
 * memory. One best checkpoint is kept (PostgreSQL keeps its pages whole, so there is
 * no torn file to fall back from); a state that does not decode is never served. Writes of a job this instance trains
 * are fenced like every other write of it ({@link Fences}).
 */
final class PostgresCheckpointStore implements CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresCheckpointStore.class);
    /** At one epoch: final before periodic before best, as "latest" prefers them. */
    private static final String KIND_ORDER = "case kind when 'FINAL' then 0 when 'PERIODIC' then 1 else 2 end";

    private final Database db;
    private final Fences fences;
    private final StateLimits limits;
    private final Clock clock;
    private final Chunks chunks;

    PostgresCheckpointStore(Database db, Fences fences, StateLimits limits, Clock clock) {
        this.db = db;
        this.chunks = new Chunks(db, "checkpoint_chunks", "job_id", "kind", "epoch");
        this.fences = fences;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public CheckpointInfo save(String jobId, CheckpointKind kind, TrainingState state, Double monitorValue) {
        return saveAs(jobId, List.of(kind), state, monitorValue).get(0);
    }

    /**
     * Streams the state once into the first role's chunks and copies them, in the database, for the other roles; every
     * role in one transaction.
     */
    @Override
    public List<CheckpointInfo> saveAs(String jobId, List<CheckpointKind> kinds, TrainingState state,
                                       Double monitorValue) {
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction("save a checkpoint of job " + jobId, () -> {
            fences.lockRow(db, jobId, false);
            List<CheckpointInfo> infos = new ArrayList<>();
            List<Object> first = null;
            Chunks.Written written = null;
            for (CheckpointKind kind : kinds) {
                if (kind == CheckpointKind.BEST) {
                    db.jdbc.update("delete from checkpoints where job_id = ? and kind = 'BEST'", jobId);
                }
                if (kind == CheckpointKind.FINAL) {
                    db.jdbc.update("delete from checkpoints where job_id = ? and kind = 'PERIODIC' and epoch = ?",
                            jobId, state.epoch());
                }
                db.jdbc.update("delete from checkpoints where job_id = ? and kind = ? and epoch = ?", jobId,
                        kind.name(), state.epoch());
                List<Object> key = List.of(jobId, kind.name(), state.epoch());
                if (first == null) {
                    written = chunks.replace(key, sink -> StateCodec.encode(state, sink));
                    first = key;
                } else {
                    chunks.copy(first, key);
                }
                db.jdbc.update("insert into checkpoints (job_id, kind, epoch, monitor_value, created_at, size_bytes, "
                        + "sha256) values (?, ?, ?, ?, ?, ?, ?)", jobId, kind.name(), state.epoch(), monitorValue,
                        Timestamp.from(at), written.size(), written.sha256());
                infos.add(new CheckpointInfo(ref(kind, state.epoch()), state.epoch(), kind, monitorValue, at,
                        written.size(), written.sha256()));
            }
            return infos;
        });
    }

    private static String ref(CheckpointKind kind, int epoch) {
        return kind == CheckpointKind.BEST ? "best" : Integer.toString(epoch);
    }

    private static CheckpointInfo info(ResultSet rs) throws SQLException {
        CheckpointKind kind = CheckpointKind.valueOf(rs.getString("kind"));
        int epoch = rs.getInt("epoch");
        double monitor = rs.getDouble("monitor_value");
        return new CheckpointInfo(ref(kind, epoch), epoch, kind, rs.wasNull() ? null : monitor,
                rs.getTimestamp("created_at").toInstant(), rs.getLong("size_bytes"), rs.getString("sha256"));
    }

    @Override
    public List<CheckpointInfo> list(String jobId) {
        return db.call("list the checkpoints of job " + jobId, () -> db.jdbc.query("select kind, epoch, "
                + "monitor_value, created_at, size_bytes, sha256 from checkpoints where job_id = ? order by kind <> "
                + "'BEST', epoch", (rs, i) -> info(rs), jobId));
    }

    @Override
    public Optional<Loaded> load(String jobId, String ref) {
        String where;
        List<Object> args = new ArrayList<>(List.of(jobId));
        if (ref.equals("best")) {
            where = "kind = 'BEST'";
        } else if (ref.equals("latest")) {
            where = "true";
        } else {
            int epoch;
            try {
                epoch = Integer.parseInt(ref);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            where = "kind <> 'BEST' and epoch = ?";
            args.add(epoch);
        }
        List<CheckpointInfo> candidates = db.call("list the checkpoints of job " + jobId, () -> db.jdbc.query(
                "select kind, epoch, monitor_value, created_at, size_bytes, sha256 from checkpoints where job_id = ? "
                        + "and " + where + " order by epoch desc, " + KIND_ORDER, (rs, i) -> info(rs),
                args.toArray()));
        for (CheckpointInfo candidate : candidates) {
            List<Object> key = List.of(jobId, candidate.kind().name(), candidate.epoch());
            byte[] bytes = db.inTransaction("read a checkpoint of job " + jobId,
                    () -> chunks.read(key, candidate.sizeBytes()));
            if (bytes == null) {
                continue; // pruned meanwhile
            }
            try {
                return Optional.of(new Loaded(candidate, StateCodec.decode(bytes, limits)));
            } catch (CorruptStateException e) {
                log.warn("job {}: the {} checkpoint of epoch {} does not read back: {}", jobId, candidate.kind(),
                        candidate.epoch(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public void prune(String jobId, int keepLast) {
        db.inTransaction("prune the checkpoints of job " + jobId, () -> {
            fences.lockRow(db, jobId, false);
            return db.jdbc.update("delete from checkpoints where job_id = ? and kind = 'PERIODIC' and epoch not in "
                    + "(select epoch from checkpoints where job_id = ? and kind = 'PERIODIC' order by epoch desc "
                    + "limit ?)", jobId, jobId, keepLast);
        });
    }

    /** The sizes stored beside the states (every role is a row of its own), summed in one statement. */
    @Override
    public long storedBytes(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return db.call("count the checkpoints' bytes of " + jobIds.size() + " jobs", () -> db.jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select coalesce(sum(size_bytes), 0) from checkpoints where job_id = any(?)");
            statement.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
            return statement;
        }, (ResultSet rs) -> rs.next() ? rs.getLong(1) : 0L));
    }

    @Override
    public void deleteAll(String jobId) {
        db.run("delete the checkpoints of job " + jobId,
                () -> db.jdbc.update("delete from checkpoints where job_id = ?", jobId));
    }
}
