package dev.regtrain.storage.postgres;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.jobs.JobPages;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyPage;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Studies in PostgreSQL's {@code studies} table: the record as JSON, its status and creation time as columns, and the
 * instance that moves it on ({@code coordinator}): the one that created it, until its heartbeat in {@code instances}
 * is older than the lease timeout; then the first instance that asks for its studies takes it over.
 */
final class PostgresStudyStore implements StudyStore {

    private final Database db;
    private final String instance;
    private final Duration leaseTimeout;

    /**
     * @param instance this instance's id, as its heartbeat row in {@code instances} names it
     * @param leaseTimeout how old a heartbeat may be before its instance counts as dead
     */
    PostgresStudyStore(Database db, String instance, Duration leaseTimeout) {
        this.db = db;
        this.instance = instance;
        this.leaseTimeout = leaseTimeout;
    }

    /** A new study is coordinated by the instance that saves it first; later saves leave the coordinator alone. */
    @Override
    public void save(StudyRecord study) {
        db.run("save study " + study.id(), () -> db.jdbc.update("insert into studies (id, status, created_nanos, "
                + "record, coordinator) values (?, ?, ?, ?, ?) on conflict (id) do update set status = "
                + "excluded.status, record = excluded.record", study.id(), study.status().name(),
                Database.nanos(study.createdAt()), Database.json(study), instance));
    }

    /**
     * Takes over, in one statement, the unfinished studies whose coordinator has no live heartbeat, and answers them
     * with those this instance already coordinates. Two instances asking at once cannot both take a study: the second
     * update waits for the first's row lock and then finds a live coordinator.
     */
    @Override
    public List<StudyRecord> coordinatedHere() {
        return db.call("take over the studies of dead instances", () -> db.jdbc.query("update studies s set "
                + "coordinator = ? where s.status in ('QUEUED', 'RUNNING') and (s.coordinator = ? or s.coordinator "
                + "is null or not exists (select 1 from instances i where i.id = s.coordinator and i.last_heartbeat "
                + ">= now() - ? * interval '1 millisecond')) returning s.record, s.cancel_requested",
                (rs, n) -> withCancel(rs.getString(1), rs.getBoolean(2)), instance, instance,
                leaseTimeout.toMillis())).stream().flatMap(Optional::stream)
                .sorted(Comparator.comparing(StudyRecord::createdAt).thenComparing(StudyRecord::id)).toList();
    }

    @Override
    public Optional<StudyRecord> find(String studyId) {
        if (studyId == null) {
            return Optional.empty();
        }
        return db.call("read study " + studyId, () -> db.jdbc.query("select record, cancel_requested from studies "
                + "where id = ?", (rs, n) -> withCancel(rs.getString(1), rs.getBoolean(2)), studyId)).stream()
                .findFirst().map(study -> {
                    if (study.isEmpty()) {
                        throw new DamagedDataException("study " + studyId + " cannot be shown: its stored record "
                                + "is not readable; deleting the study removes it");
                    }
                    return study.get();
                });
    }

    /** The stored record, with a cancel asked for through another instance (empty when the record is unreadable). */
    private static Optional<StudyRecord> withCancel(String text, boolean cancelRequested) {
        return Optional.ofNullable(Database.read(text, StudyRecord.class))
                .map(study -> cancelRequested && !study.cancelRequested() ? study.cancelling() : study);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void requestCancel(String studyId) {
        db.run("ask to cancel study " + studyId, () -> db.jdbc.update("update studies set cancel_requested = true "
                + "where id = ?", studyId));
    }

    /** Pages in SQL; the cursor is the jobs' (creation time and id of the last study shown). */
    @Override
    public StudyPage page(Set<JobStatus> statuses, int limit, String cursor) {
        StringBuilder sql = new StringBuilder("select record from studies where true");
        List<Object> args = new ArrayList<>();
        if (!statuses.isEmpty()) {
            sql.append(" and status in (").append(String.join(", ", statuses.stream().map(s -> "?").toList()))
                    .append(")");
            statuses.stream().map(Enum::name).forEach(args::add);
        }
        if (cursor != null) {
            JobPages.Position after = JobPages.decode(cursor);
            long at = Database.nanos(after.createdAt());
            sql.append(" and (created_nanos < ? or created_nanos = ? and id collate \"C\" < ?)");
            args.addAll(List.of(at, at, after.id()));
        }
        sql.append(" order by created_nanos desc, id collate \"C\" desc limit ?");
        args.add(limit + 1L);
        List<StudyRecord> found = db.call("list studies", () -> db.jdbc.queryForList(sql.toString(), String.class,
                args.toArray())).stream().map(text -> Database.read(text, StudyRecord.class))
                .filter(Objects::nonNull).toList();
        // the rows are in order already; paging them again only cuts the extra one and makes the cursor
        return StudyPage.of(found.stream(), Set.of(), limit, null);
    }

    @Override
    public List<StudyRecord> unfinished() {
        return db.call("list unfinished studies", () -> db.jdbc.queryForList("select record from studies where "
                + "status in ('QUEUED', 'RUNNING') order by created_nanos, id collate \"C\"", String.class))
                .stream().map(text -> Database.read(text, StudyRecord.class)).filter(Objects::nonNull).toList();
    }

    @Override
    public void delete(String studyId) {
        db.run("delete study " + studyId, () -> db.jdbc.update("delete from studies where id = ?", studyId));
    }
}
