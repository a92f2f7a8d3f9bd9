package dev.regtrain.storage.postgres;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.jobs.JobPages;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyPage;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Studies in PostgreSQL's {@code studies} table: the record as JSON, its status and creation time as columns. */
final class PostgresStudyStore implements StudyStore {

    private final Database db;

    PostgresStudyStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(StudyRecord study) {
        db.run("save study " + study.id(), () -> db.jdbc.update("insert into studies (id, status, created_nanos, "
                + "record) values (?, ?, ?, ?) on conflict (id) do update set status = excluded.status, record = "
                + "excluded.record", study.id(), study.status().name(), PostgresJobStore.nanos(study.createdAt()),
                Database.json(study)));
    }

    @Override
    public Optional<StudyRecord> find(String studyId) {
        if (studyId == null) {
            return Optional.empty();
        }
        return db.call("read study " + studyId, () -> db.jdbc.queryForList("select record from studies where id = ?",
                String.class, studyId)).stream().findFirst().map(text -> {
                    StudyRecord study = Database.read(text, StudyRecord.class);
                    if (study == null) {
                        throw new DamagedDataException("study " + studyId + " cannot be shown: its stored record "
                                + "is not readable; deleting the study removes it");
                    }
                    return study;
                });
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
            long at = PostgresJobStore.nanos(after.createdAt());
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
