package dev.regtrain.storage.postgres;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.Owner;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobLostException;
import dev.regtrain.jobs.JobPage;
import dev.regtrain.jobs.JobPages;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelMeta;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs in PostgreSQL: {@code jobs} (the record as JSON, its status and creation time as columns that SQL filters and
 * pages on), {@code job_metrics} (one row per epoch) and {@code job_documents} (model context, initial model). Writes
 * of a job this instance trains are fenced ({@link Fences}): they happen only while the job is still this instance's.
 */
final class PostgresJobStore implements JobStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresJobStore.class);
    private static final String META = "model-meta";
    private static final String INITIAL = "initial-model";
    /**
     * A record's owner is one ({@link #ownedBy} gives the arguments): records are JSON text and SQL reads the owner
     * from it; a record stored before owners existed belongs to 'anonymous'.
     */
    static final String OWNED_BY = "coalesce(record::jsonb ->> 'owner', ?) = ?";

    private final Database db;
    private final Fences fences;

    PostgresJobStore(Database db, Fences fences) {
        this.db = db;
        this.fences = fences;
    }

    static Object[] ownedBy(Owner owner) {
        return new Object[] {Owner.ANONYMOUS.name(), owner.name()};
    }

    /** The job's fencing condition as SQL, or nothing when this instance does not train it. */
    private String fence(String jobId, List<Object> args) {
        OptionalLong token = fences.token(jobId);
        if (token.isEmpty()) {
            return "";
        }
        args.add(token.getAsLong());
        return " and jobs.fencing_token = ?";
    }

    private void fenced(String jobId, int rows) {
        if (rows == 0 && fences.token(jobId).isPresent()) {
            throw new JobLostException(jobId);
        }
    }

    /**
     * A queued job nobody trains yet is only ever inserted: of two instances submitting the same id (a study's child,
     * whose id is derived from its place), the second changes nothing. A final record is announced on
     * {@code regtrain_ended}, for whoever waits for the job to end (its study) on another instance.
     */
    @Override
    public void save(JobRecord job) {
        List<Object> args = new ArrayList<>(List.of(job.id(), job.status().name(), Database.nanos(job.createdAt()),
                Database.json(job)));
        String condition = fence(job.id(), args);
        String onConflict = job.status() == JobStatus.QUEUED && condition.isEmpty() ? "do nothing"
                : "do update set status = excluded.status, record = excluded.record where true" + condition;
        int rows = db.call("save job " + job.id(), () -> db.jdbc.update("insert into jobs (id, status, created_nanos, "
                + "record) values (?, ?, ?, ?) on conflict (id) " + onConflict, args.toArray()));
        fenced(job.id(), rows);
        progressed(job.id());
        if (job.status().isFinal()) {
            db.run("announce the end of job " + job.id(), () -> db.jdbc.queryForList("select pg_notify(?, ?)",
                    Object.class, Notifications.ENDED, job.id()));
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        List<String> json = db.call("read job " + jobId, () -> db.jdbc.queryForList(
                "select record from jobs where id = ?", String.class, jobId));
        return json.stream().findFirst().map(text -> readable(jobId, text));
    }

    private static JobRecord readable(String jobId, String text) {
        JobRecord record = Database.read(text, JobRecord.class);
        if (record == null || record.missing() != null) {
            throw new DamagedDataException("job " + jobId + " cannot be shown: its stored record is not readable; "
                    + "deleting the job removes it");
        }
        return record;
    }

    @Override
    public JobPage page(JobFilter filter, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("select id, record from jobs where true");
        List<Object> args = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" and status in (").append(String.join(", ", filter.statuses().stream().map(s -> "?")
                    .toList())).append(")");
            filter.statuses().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (filter.study() != null) { // the record is JSON text: SQL reads the fields a filter needs from it
            sql.append(" and (record::jsonb -> 'study' ->> 'id') = ?");
            args.add(filter.study());
        }
        if (filter.owner() != null) {
            sql.append(" and ").append(OWNED_BY);
            args.addAll(List.of(ownedBy(filter.owner())));
        }
        if (cursor != null) {
            JobPages.Position after = JobPages.decode(cursor);
            sql.append(" and (created_nanos < ? or created_nanos = ? and id collate \"C\" < ?)");
            long at = Database.nanos(after.createdAt());
            args.addAll(List.of(at, at, after.id()));
        }
        sql.append(" order by created_nanos desc, id collate \"C\" desc limit ?");
        args.add(limit + 1L);
        List<JobRecord> jobs = db.call("list jobs", () -> db.jdbc.query(sql.toString(), (rs, i) -> {
            JobRecord record = Database.read(rs.getString(2), JobRecord.class);
            if (record == null) {
                log.warn("job {}: its stored record is not readable; it is left out of the list", rs.getString(1));
            }
            return record;
        }, args.toArray())).stream().filter(Objects::nonNull).toList();
        return JobPages.of(jobs, limit);
    }

    @Override
    public List<String> idsOwnedBy(Owner owner) {
        return db.call("list the jobs of " + owner.name(), () -> db.jdbc.queryForList("select id from jobs where "
                + OWNED_BY, String.class, ownedBy(owner)));
    }

    @Override
    public List<JobRecord> unfinished() {
        return db.call("list unfinished jobs", () -> db.jdbc.query("select id, record from jobs where status in "
                + "('QUEUED', 'RUNNING') order by created_nanos, id collate \"C\"",
                (rs, i) -> Database.read(rs.getString(2), JobRecord.class))).stream().filter(Objects::nonNull)
                .toList();
    }

    @Override
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        db.run("count jobs", () -> db.jdbc.query("select status, count(*) from jobs group by status",
                rs -> {
                    counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }));
        return counts;
    }

    @Override
    public void delete(String jobId) {
        db.inTransaction("delete job " + jobId, () -> {
            db.jdbc.update("delete from job_metrics where job_id = ?", jobId);
            db.jdbc.update("delete from job_documents where job_id = ?", jobId);
            return db.jdbc.update("delete from jobs where id = ?", jobId);
        });
    }

    /** Each row is announced on {@code regtrain_progress}, for event streams on other instances. */
    @Override
    public void appendMetrics(String jobId, EpochMetrics row) {
        appendMetrics(jobId, List.of(row));
    }

    /** The rows and their announcement in one transaction: one commit however many rows. */
    @Override
    public void appendMetrics(String jobId, List<EpochMetrics> rows) {
        db.inTransaction("save the metrics rows of job " + jobId, () -> {
            fences.lockRow(db, jobId, false);
            db.jdbc.batchUpdate("insert into job_metrics (job_id, epoch, row) values (?, ?, ?) on conflict (job_id, "
                    + "epoch) do update set row = excluded.row", rows.stream()
                    .map(r -> new Object[] {jobId, r.epoch(), Database.json(r)}).toList());
            progressed(jobId);
            return null;
        });
    }

    private void progressed(String jobId) {
        db.run("announce the progress of job " + jobId, () -> db.jdbc.queryForList("select pg_notify(?, ?)",
                Object.class, Notifications.PROGRESS, jobId));
    }

    /**
     * An insert of {@code values} (or its {@code onConflict} update), for a job this instance trains only while the
     * job's row still carries this instance's token.
     */
    private void fencedUpsert(String jobId, String what, String insert, String onConflict, Object... values) {
        List<Object> args = new ArrayList<>(List.of(values));
        String placeholders = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        OptionalLong token = fences.token(jobId);
        String sql;
        if (token.isEmpty()) {
            sql = insert + " values (" + placeholders + ") " + onConflict;
        } else {
            sql = insert + " select " + placeholders + " where exists (select 1 from jobs where jobs.id = ? and "
                    + "jobs.fencing_token = ?) " + onConflict;
            args.add(jobId);
            args.add(token.getAsLong());
        }
        fenced(jobId, db.call(what, () -> db.jdbc.update(sql, args.toArray())));
    }

    /** Replaces the rows in one transaction, so that a reader sees the old rows or the new ones. */
    @Override
    public void replaceMetrics(String jobId, List<EpochMetrics> rows) {
        db.inTransaction("replace the metrics of job " + jobId, () -> {
            fences.lockRow(db, jobId, true);
            db.jdbc.update("delete from job_metrics where job_id = ?", jobId);
            db.jdbc.batchUpdate("insert into job_metrics (job_id, epoch, row) values (?, ?, ?)",
                    rows.stream().map(r -> new Object[] {jobId, r.epoch(), Database.json(r)}).toList());
            return null;
        });
    }

    @Override
    public List<EpochMetrics> loadMetrics(String jobId) {
        return db.call("read the metrics of job " + jobId, () -> db.jdbc.query("select epoch, row from job_metrics "
                + "where job_id = ? order by epoch", (rs, i) -> {
                    EpochMetrics row = Database.read(rs.getString(2), EpochMetrics.class);
                    if (row == null) {
                        log.warn("job {}: the metrics row of epoch {} is not readable; it is left out", jobId,
                                rs.getInt(1));
                    }
                    return row;
                }, jobId)).stream().filter(Objects::nonNull).toList();
    }

    @Override
    public void saveModelMeta(String jobId, ModelMeta meta) {
        saveDocument(jobId, META, meta);
    }

    @Override
    public Optional<ModelMeta> loadModelMeta(String jobId) {
        return loadDocument(jobId, META, ModelMeta.class);
    }

    @Override
    public void saveInitialModel(String jobId, ModelDocument model) {
        saveDocument(jobId, INITIAL, model);
    }

    @Override
    public Optional<ModelDocument> loadInitialModel(String jobId) {
        return loadDocument(jobId, INITIAL, ModelDocument.class);
    }

    private void saveDocument(String jobId, String kind, Object document) {
        fencedUpsert(jobId, "save the " + kind + " of job " + jobId, "insert into job_documents (job_id, kind, "
                + "document)", "on conflict (job_id, kind) do update set document = excluded.document", jobId, kind,
                Database.json(document));
    }

    private <T> Optional<T> loadDocument(String jobId, String kind, Class<T> type) {
        List<String> json = db.call("read the " + kind + " of job " + jobId, () -> db.jdbc.queryForList(
                "select document from job_documents where job_id = ? and kind = ?", String.class, jobId, kind));
        return json.stream().findFirst().map(text -> {
            T value = Database.read(text, type);
            if (value == null) {
                throw new DamagedDataException("job " + jobId + ": its stored " + kind + " is not readable");
            }
            return value;
        });
    }
}
