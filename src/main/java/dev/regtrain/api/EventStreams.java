package dev.regtrain.api;

import dev.regtrain.config.RegtrainProperties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that feed server-sent event streams, one per open stream, bounded by
 * {@code regtrain.events.max-streams}, and by {@code max-streams-per-client} for each client, so that one client
 * cannot hold every slot. At shutdown every stream is ended first, so that the web server's graceful shutdown does not
 * wait for them.
 */
@Component
class EventStreams implements SmartLifecycle {

    private final int maxStreams;
    private final PerClient perClient;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile ThreadPoolExecutor senders;
    private volatile boolean running;

    EventStreams(RegtrainProperties properties) {
        this.maxStreams = properties.events().maxStreams();
        this.perClient = new PerClient(properties.events().maxStreamsPerClient());
    }

    /** Why a stream could not start. */
    enum Refusal { NONE, SERVICE_FULL, CLIENT_FULL }

    /** Starts a stream's sender for a client; says why not when a limit is reached. */
    Refusal start(String client, Runnable sender) {
        ThreadPoolExecutor current = senders;
        if (current == null || !running) {
            return Refusal.SERVICE_FULL;
        }
        if (!perClient.tryAcquire(client)) {
            return Refusal.CLIENT_FULL;
        }
        try {
            current.execute(() -> {
                try {
                    sender.run();
                } finally {
                    perClient.release(client);
                }
            });
            return Refusal.NONE;
        } catch (RejectedExecutionException e) {
            perClient.release(client);
            return Refusal.SERVICE_FULL;
        }
    }

    int maxStreamsPerClient() {
        return perClient.max();
    }

    boolean open() {
        return running;
    }

    @Override
    public synchronized void start() {
        if (senders == null || senders.isShutdown()) {
            senders = new ThreadPoolExecutor(0, maxStreams, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    runnable -> {
                        Thread thread = new Thread(runnable, "regtrain-events-" + counter.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
