package dev.regtrain.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} of something at once per client (by remote address): request bodies being read, event streams
 * open. One client cannot take what every client shares (request threads, stream slots).
 */
final class PerClient {

    private final int max;
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();

    PerClient(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    /** Takes one for the client; false (taking nothing) when it already holds {@code max}. */
    boolean tryAcquire(String client) {
        boolean[] taken = {false};
        held.compute(client, (key, count) -> {
            AtomicInteger now = count == null ? new AtomicInteger() : count;
            if (now.get() < max) {
                now.incrementAndGet();
                taken[0] = true;
            }
            return now;
        });
        return taken[0];
    }

    void release(String client) {
        held.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** What the client holds now (for tests). */
    int held(String client) {
        AtomicInteger count = held.get(client);
        return count == null ? 0 : count.get();
    }
}
