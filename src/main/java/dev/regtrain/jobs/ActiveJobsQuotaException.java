package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import dev.regtrain.security.QuotaRefusal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An owner already has {@code regtrain.security.quota.max-active-jobs} queued or running jobs; nothing was created.
 * A {@link QueueFullException}: a study takes it as "later", a client as 429 with Retry-After.
 */
public class ActiveJobsQuotaException extends QueueFullException implements QuotaRefusal {

    public static final String PROPERTY = "regtrain.security.quota.max-active-jobs";

    private final Owner owner;
    private final long activeJobs;
    private final long limitJobs;

    public ActiveJobsQuotaException(Owner owner, long activeJobs, long limitJobs, Duration retryAfter) {
        super("owner " + owner.name() + " already has " + activeJobs + " queued or running jobs, its quota of "
                + limitJobs + " (" + PROPERTY + "); try again when one has ended", retryAfter);
        this.owner = owner;
        this.activeJobs = activeJobs;
        this.limitJobs = limitJobs;
    }

    @Override
    public String quota() {
        return PROPERTY;
    }

    @Override
    public Owner owner() {
        return owner;
    }

    @Override
    public Map<String, Long> amounts() {
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("activeJobs", activeJobs);
        amounts.put("limitJobs", limitJobs);
        return amounts;
    }
}
