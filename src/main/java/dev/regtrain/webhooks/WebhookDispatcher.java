package dev.regtrain.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The thread that delivers: at its start it reconciles the outbox left by the last run (see {@link Outbox}), then
 * runs {@link Deliveries#deliverDue()} whenever an entry is released or falls due. It starts before the job service
 * resumes the jobs a stop interrupted (so those cannot end before the reconciliation) and stops after it.
 */
public final class WebhookDispatcher implements SmartLifecycle {

    /** The longest the thread sleeps without looking (a change of the system clock is noticed within it). */
    static final Duration MAX_IDLE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Predicate<OutboxEntry> happened;
    private final Clock clock;
    private volatile Thread thread;

    /** @param happened whether the change an entry read at the start announces is in its resource's store */
    public WebhookDispatcher(Outbox outbox, Deliveries deliveries, Predicate<OutboxEntry> happened, Clock clock) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.happened = happened;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        outbox.reconcile(happened);
        Thread worker = new Thread(this::run, "regtrain-webhooks");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long seen = outbox.version();
                deliveries.deliverDue();
                Instant now = clock.instant();
                Duration wait = outbox.nextDue().map(next -> Duration.between(now, next)).orElse(MAX_IDLE);
                if (wait.compareTo(MAX_IDLE) > 0) {
                    wait = MAX_IDLE;
                }
                if (!wait.isNegative() && !wait.isZero()) {
                    outbox.awaitChange(seen, wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("webhook delivery round failed: {}", e.getMessage());
                try {
                    outbox.awaitChange(outbox.version(), MAX_IDLE);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        Thread worker = thread;
        thread = null;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Before the job service (DEFAULT_PHASE - 4096): reconciled before any job resumes, stopped after all end. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }
}
