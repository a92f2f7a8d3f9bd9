package dev.regtrain.studies;

import dev.regtrain.jobs.JobPages;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A page of studies, newest first, and the cursor of the next page (null on the last). */
public record StudyPage(List<StudyRecord> studies, String next) {

    /** Pages studies held in memory, with the jobs' cursor format (creation time and id of the last one shown). */
    public static StudyPage of(Stream<StudyRecord> all, Set<dev.regtrain.jobs.JobStatus> statuses, int limit,
                               String cursor) {
        JobPages.Paged<StudyRecord> page = JobPages.page(all.filter(s -> statuses.isEmpty()
                || statuses.contains(s.status())), StudyRecord::createdAt, StudyRecord::id, limit, cursor);
        return new StudyPage(page.items(), page.next());
    }
}
