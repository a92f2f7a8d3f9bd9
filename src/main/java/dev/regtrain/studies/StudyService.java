package dev.regtrain.studies;

import dev.regtrain.common.Audit;
import dev.regtrain.common.Callers;
import dev.regtrain.common.Endings;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.Later;
import dev.regtrain.jobs.StatusChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Creates, lists, cancels and deletes studies and lets callers follow them. Studies that have not ended live in
 * memory, and are stored as {@link #save} says. All the work of moving studies on runs on one serial {@code
 * coordinator}, told by the job service whenever a child ends, so that a study's steps never overlap; after a restart
 * every unfinished study takes a step, which finds its children where the last run left them.
 */
public class StudyService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StudyService.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration STORE_EVERY = Duration.ofSeconds(1);

    private final Map<String, StudyRecord> live = new ConcurrentHashMap<>();
    private final Map<String, StudyRecord> lastStored = new ConcurrentHashMap<>();
    private final Map<String, Instant> storedAt = new ConcurrentHashMap<>();
    private final StudyStore store;
    private final JobService jobs;
    private final Executor coordinator;
    private final Later later;
    private final Clock clock;
    private final StudyResolver resolver;
    private final StudyCoordinator steps;
    private final StudyChanges changes = new StudyChanges();
    private final StudyAdmission admission;
    private final Callers callers;
    private final VisibleStudies visible;
    private final StudyAdoption adoption;
    private final int maxListLimit;
    private final Endings<StudyRecord> endings;
    private volatile boolean running;

    /**
     * @param coordinator runs one task at a time, in order
     * @param admission refuses a study its owner's storage quota or the queue has no room for
     * @param endings told of every study's end in the same step as its final record is saved (the webhooks' outbox)
     */
    public StudyService(StudyStore store, JobService jobs, Executor coordinator, Later later, Clock clock,
                        StudyAdmission admission, int maxStudyJobs, int maxListLimit, Endings<StudyRecord> endings,
                        Callers callers) {
        this.endings = endings;
        this.callers = callers;
        this.visible = new VisibleStudies(live, store, callers);
        this.store = store;
        this.jobs = jobs;
        this.coordinator = coordinator;
        this.later = later;
        this.clock = clock;
        this.admission = admission;
        this.maxListLimit = maxListLimit;
        this.resolver = new StudyResolver(jobs::resolve, maxStudyJobs);
        this.steps = new StudyCoordinator(jobs, clock, admission.workers());
        this.adoption = new StudyAdoption(store, live);
        jobs.onEnded(job -> {
            if (job.study() != null) {
                step(job.study().id());
            }
        });
    }

    @Override
    public void start() { // after the job service: with a shared store, this instance's heartbeat is in it
        running = true;
        adoption.refresh();
        live.keySet().forEach(this::step);
    }

    /** With a shared store: takes over the studies of dead instances and hears of cancels asked for elsewhere. */
    void adopt() {
        if (running) {
            coordinator.execute(() -> adoption.refresh().forEach(this::stepNow));
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the job service (whose recovered children it follows) and stops before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4000;
    }

    public StudyRecord create(StudyRequest raw) {
        return create(raw, UUID.randomUUID().toString());
    }

    /**
     * Validates the study, refuses it when its owner holds its storage quota (413) or its first children would not
     * fit the queue (429), saves it and submits its first children before answering.
     */
    public StudyRecord create(StudyRequest raw, String id) {
        StudyPlan plan = resolver.resolve(raw);
        admission.admit(plan, callers.current().owner());
        Instant now = clock.instant();
        StudyRecord study = new StudyRecord(id, plan.request().name(), JobStatus.RUNNING, now, now, null,
                plan.request(), plan.waitingTrials(), null, plan.jobs(), false, null,
                List.of(StatusChange.of(JobStatus.QUEUED, now), StatusChange.of(JobStatus.RUNNING, now)),
                callers.current().owner());
        store.save(study);
        lastStored.put(id, study);
        storedAt.put(id, now);
        live.put(id, study);
        changes.bump(id);
        awaitStep(id);
        Audit.log(callers.current(), "study", "create", id);
        return get(id);
    }

    public StudyRecord get(String id) { // another owner's is not found, like an unknown id
        return visible.get(id);
    }

    public boolean exists(String id) {
        return visible.find(id).isPresent();
    }

    public StudyPage list(Set<JobStatus> statuses, int limit, String cursor) {
        if (limit < 1 || limit > maxListLimit) {
            throw new InvalidRequestException("limit", "must be between 1 and " + maxListLimit
                    + " (limit regtrain.limits.max-list-limit); got " + limit);
        }
        StudyPage page = store.page(statuses, limit, cursor);
        return new StudyPage(visible.only(page.studies()).stream().map(s -> live.getOrDefault(s.id(), s)).toList(),
                page.next());
    }

    /** Queued children are cancelled at once, running ones within a mini-batch; the study ends once they have. */
    public StudyRecord cancel(String id) {
        StudyRecord study = get(id);
        if (study.status().isFinal()) {
            throw new ConflictException("study " + id + " is already " + study.status());
        }
        runOnCoordinator(() -> {
            StudyRecord current = live.get(id);
            if (current == null) { // another instance moves it on: it hears of the cancel from the store
                store.requestCancel(id);
                steps.cancelChildren(study);
            } else if (!current.status().isFinal() && !current.cancelRequested()) {
                save(current.cancelling());
            }
        });
        Audit.log(callers.current(), "study", "cancel", id);
        awaitStep(id);
        return get(id);
    }

    /** Removes a study that has ended, with all its jobs. */
    public void delete(String id) {
        StudyRecord study = get(id);
        if (!study.status().isFinal()) {
            throw new ConflictException("study " + id + " is " + study.status() + "; cancel it and wait until it ends");
        }
        ChildIds.of(study, fold -> true).forEach(this::deleteJob);
        store.delete(id);
        live.remove(id);
        changes.forget(id);
        Audit.log(callers.current(), "study", "delete", id);
    }

    private void deleteJob(String jobId) {
        if (jobs.exists(jobId)) {
            jobs.delete(jobId);
        }
    }

    /** The study's change counter, for event streams. */
    public long version(String id) {
        return changes.version(id);
    }

    /** Waits for a change after {@code seen}; returns the version then. */
    public long awaitChange(String id, long seen, Duration timeout) throws InterruptedException {
        return changes.awaitAfter(id, seen, timeout);
    }

    /** Asks the coordinator to move the study on (after a child ended, at start, or to retry). */
    void step(String id) {
        coordinator.execute(() -> stepNow(id));
    }

    private void stepNow(String id) {
        StudyRecord study = live.get(id);
        if (study == null || study.status().isFinal()) {
            return;
        }
        try {
            study = adoption.withCancelFromElsewhere(study);
            StudyCoordinator.Step step = steps.advance(study);
            if (!step.study().equals(study)) {
                save(step.study());
            }
            if (step.retryLater()) {
                later.run(() -> step(id), RETRY);
            }
        } catch (RuntimeException e) {
            log.warn("study {} could not move on now; it is tried again in {} s", id, RETRY.toSeconds(), e);
            later.run(() -> step(id), RETRY);
        }
    }

    /**
     * Shows a change at once and stores it when it changes what the children cannot tell (the status, a cancel, the
     * result) or a second after the last store: a fold's progress is its job's, which a step after a restart reads
     * back from the job (children have ids derived from their place), so a record a second old loses nothing, and a
     * study of many short children is not held up by a synchronous write after each of them.
     */
    private void save(StudyRecord study) {
        StudyRecord before = lastStored.get(study.id());
        Instant now = clock.instant();
        boolean structural = before == null || before.status() != study.status()
                || before.cancelRequested() != study.cancelRequested()
                || !java.util.Objects.equals(before.result(), study.result());
        if (structural || !now.isBefore(storedAt.getOrDefault(study.id(), Instant.MIN).plus(STORE_EVERY))) {
            if (study.status().isFinal()) {
                endings.save(study, () -> store.save(study));
            } else {
                store.save(study);
            }
            lastStored.put(study.id(), study);
            storedAt.put(study.id(), now);
        }
        if (study.status().isFinal()) {
            lastStored.remove(study.id());
            storedAt.remove(study.id());
            live.remove(study.id());
            log.info("study {} {}", study.id(), study.status());
        } else {
            live.put(study.id(), study);
        }
        changes.bump(study.id());
    }

    /** Runs a step on the coordinator and waits for it, so that an answer shows its effect. */
    private void awaitStep(String id) {
        runOnCoordinator(() -> stepNow(id));
    }

    private void runOnCoordinator(Runnable task) {
        try {
            CompletableFuture.runAsync(task, coordinator).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("a study step did not complete in time", e);
        }
    }
}
