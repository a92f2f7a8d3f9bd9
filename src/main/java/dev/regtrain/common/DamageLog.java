package dev.regtrain.common;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the stores found damaged since the start (a record that failed its checksum, a torn metrics line, a checkpoint
 * that does not read back): each once, logged, shown in the health details and as warnings on the resource it
 * belongs to, so that damage is said and never served as if whole.
 */
@Component
public final class DamageLog {

    /** One finding: the resource ({@code job}, {@code dataset}, {@code idempotency-key}), its id, what is damaged. */
    public record Entry(String resource, String id, String detail, Instant at) {
    }

    private static final Logger log = LoggerFactory.getLogger(DamageLog.class);

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public DamageLog(Clock clock) {
        this.clock = clock;
    }

    /** Records a finding, unless the same one was recorded before. */
    public void report(String resource, String id, String detail) {
        boolean known = entries.stream().anyMatch(e -> e.resource().equals(resource) && e.id().equals(id)
                && e.detail().equals(detail));
        if (!known) {
            entries.add(new Entry(resource, id, detail, clock.instant()));
            log.error("damaged {} {}: {}", resource, id, detail);
        }
    }

    /** The findings about one resource, oldest first. */
    public List<String> about(String resource, String id) {
        List<String> details = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.resource().equals(resource) && entry.id().equals(id)) {
                details.add(entry.detail());
            }
        }
        return details;
    }

    /** Forgets the findings about a resource that was deleted. */
    public void forget(String resource, String id) {
        entries.removeIf(e -> e.resource().equals(resource) && e.id().equals(id));
    }

    public List<Entry> all() {
        return List.copyOf(entries);
    }
}
