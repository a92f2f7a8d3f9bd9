package dev.regtrain.jobs;

import java.util.Set;

/** Which jobs a list shows: those in one of {@code statuses}, or all when it is empty. */
public record JobFilter(Set<JobStatus> statuses) {

    public static final JobFilter ALL = new JobFilter(Set.of());

    public JobFilter {
        statuses = Set.copyOf(statuses);
    }

    public boolean matches(JobRecord job) {
        return statuses.isEmpty() || statuses.contains(job.status());
    }
}
