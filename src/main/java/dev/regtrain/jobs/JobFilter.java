package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import java.util.Set;

/**
 * Which jobs a list shows: those in one of {@code statuses} (all when it is empty) of study {@code study} (any when
 * null) that belong to {@code owner} (anyone's when null: an admin's list).
 */
public record JobFilter(Set<JobStatus> statuses, String study, Owner owner) {

    public static final JobFilter ALL = new JobFilter(Set.of());

    public JobFilter {
        statuses = Set.copyOf(statuses);
    }

    public JobFilter(Set<JobStatus> statuses) {
        this(statuses, null, null);
    }

    public JobFilter(Set<JobStatus> statuses, String study) {
        this(statuses, study, null);
    }

    /** The same filter, only {@code newOwner}'s jobs. */
    public JobFilter ownedBy(Owner newOwner) {
        return new JobFilter(statuses, study, newOwner);
    }

    /** Every job of one study. */
    public static JobFilter ofStudy(String studyId) {
        return new JobFilter(Set.of(), studyId);
    }

    public boolean matches(JobRecord job) {
        return (statuses.isEmpty() || statuses.contains(job.status()))
                && (study == null || job.study() != null && study.equals(job.study().id()))
                && (owner == null || owner.equals(job.owner()));
    }
}
