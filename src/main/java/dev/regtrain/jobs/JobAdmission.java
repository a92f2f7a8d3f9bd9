package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Objectives;
import dev.regtrain.jobs.request.RequestResolver;
import dev.regtrain.jobs.request.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * New jobs entering the queue, submitted or continuing a final job: resolved, admitted (429 when the queue is full or
 * the owner has its quota of active jobs, 413 when the owner holds its quota of stored bytes), persisted, kept live,
 * and started when a worker is free and their memory fits beside the running jobs' ({@link MemoryGate}).
 */
final class JobAdmission {

    private final Map<String, JobEntry> live;
    private final JobQueue queue;
    private final JobContext context;
    private final RequestResolver resolver;
    private final MemoryGate memory;
    private final Clock clock;
    private final int maxEpochs;
    private final OwnerQuotas quotas;
    private final JobCoordination coordination;

    JobAdmission(Map<String, JobEntry> live, JobQueue queue, JobContext context, RequestResolver resolver,
                 MemoryGate memory, Clock clock, int maxEpochs, OwnerQuotas quotas, JobCoordination coordination) {
        this.quotas = quotas;
        this.coordination = coordination;
        this.live = live;
        this.queue = queue;
        this.context = context;
        this.resolver = resolver;
        this.memory = memory;
        this.clock = clock;
        this.maxEpochs = maxEpochs;
    }

    Resolution resolve(JobRequest raw) {
        return resolver.resolve(raw);
    }

    /**
     * @param study the study the job is a child of, or null; a study's children are not held to the storage quota,
     *              which the study met when it was created: a study that has started runs to its end, as a job does
     */
    JobRecord submit(JobRequest raw, String id, StudyRef study, Owner owner) {
        Resolution resolution = resolver.resolve(raw);
        if (study == null) {
            quotas.storage().admit(owner);
        }
        return withinQuota(owner, () -> admit(resolution, id, study, owner));
    }

    private JobRecord admit(Resolution resolution, String id, StudyRef study, Owner owner) {
        JobRequest request = resolution.request();
        JobRecord record = JobRecord.queued(id, request, Objectives.describe(request, null), clock.instant(), study,
                owner);
        return enqueue(new JobEntry(record, List.of()), resolution.memoryBytes(), () -> {
            if (resolution.initialModel() != null) {
                context.store().saveInitialModel(id, resolution.initialModel());
            }
            context.store().save(record);
        });
    }

    /** A new job that continues {@code original} by {@code epochs} more epochs (see {@link Continuation}). */
    JobRecord continueJob(JobRecord original, int epochs) {
        quotas.storage().admit(original.owner());
        return withinQuota(original.owner(), () -> continuing(original, epochs));
    }

    /**
     * Admits a job unless its owner already has {@code regtrain.security.quota.max-active-jobs} queued or running
     * (429 with Retry-After, which a study takes as "later"); counting and admitting happen under one lock.
     */
    private JobRecord withinQuota(Owner owner, java.util.function.Supplier<JobRecord> admit) {
        if (quotas.maxActiveJobs() <= 0) {
            return admit.get();
        }
        synchronized (this) {
            long active = live.values().stream().filter(e -> owner.equals(e.record().owner())
                    && !e.record().status().isFinal()).count();
            if (active >= quotas.maxActiveJobs()) {
                throw new ActiveJobsQuotaException(owner, active, quotas.maxActiveJobs(), Duration.ofSeconds(30));
            }
            return admit.get();
        }
    }

    private JobRecord continuing(JobRecord original, int epochs) {
        Continuation continuation = Continuation.of(original, epochs, UUID.randomUUID().toString(),
                context.checkpoints(), resolver, maxEpochs, clock.instant());
        return enqueue(new JobEntry(continuation.record(), continuation.latest().state().history()),
                memoryOf(continuation.record()), () -> continuation.persist(context.store(), context.checkpoints()));
    }

    /** The memory a job's request is estimated to need (recomputed: for a continued or a recovered job). */
    long memoryOf(JobRecord record) {
        return resolver.memoryBytes(record.request());
    }

    private JobRecord enqueue(JobEntry entry, long memoryBytes, Runnable persist) {
        if (coordination.shared()) {
            return enqueueShared(entry, persist);
        }
        if (!queue.tryAdmit()) {
            throw new QueueFullException("the queue holds " + queue.waiting() + " jobs, its capacity "
                    + "(regtrain.queue-capacity); try again later", Duration.ofSeconds(10));
        }
        entry.takeQueueSlot();
        try {
            persist.run();
        } catch (RuntimeException e) {
            entry.giveUpQueueSlot();
            queue.leave();
            throw e;
        }
        live.put(entry.id(), entry);
        memory.submit(entry, memoryBytes, new JobRunner(entry, context, null, false));
        return entry.record();
    }

    /**
     * With a shared store the job waits there until an instance with an idle worker claims it; the capacity counts
     * every instance's waiting jobs.
     */
    private JobRecord enqueueShared(JobEntry entry, Runnable persist) {
        long waiting = context.store().countByStatus().getOrDefault(JobStatus.QUEUED, 0L);
        if (waiting >= queue.capacity()) {
            throw new QueueFullException("the queue holds " + waiting + " jobs, its capacity "
                    + "(regtrain.queue-capacity); try again later", Duration.ofSeconds(10));
        }
        persist.run();
        coordination.announceWork();
        return entry.record();
    }
}
