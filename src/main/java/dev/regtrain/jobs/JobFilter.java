package dev.regtrain.jobs;

import java.util.Set;

/** Which jobs a list shows: those in one of {@code statuses} (all when it is empty) of study {@code study} (any when null). */
public record JobFilter(Set<JobStatus> statuses, String study) {

    public static final JobFilter ALL = new JobFilter(Set.of());

    public JobFilter {
        statuses = Set.copyOf(statuses);
    }

    public JobFilter(Set<JobStatus> statuses) {
        this(statuses, null);
    }

    /** Every job of one study. */
    public static JobFilter ofStudy(String studyId) {
        return new JobFilter(Set.of(), studyId);
    }

    public boolean matches(JobRecord job) {
        return (statuses.isEmpty() || statuses.contains(job.status()))
                && (study == null || job.study() != null && study.equals(job.study().id()));
    }
}
