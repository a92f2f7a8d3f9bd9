package dev.regtrain.jobs;

import dev.regtrain.common.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pages of jobs, newest first. The cursor is opaque to clients: the creation time and id of the last job of the
 * previous page, so that paging is stable while new jobs arrive.
 */
final class JobPages {

    static final Comparator<JobRecord> NEWEST_FIRST = Comparator.comparing(JobRecord::createdAt).reversed()
            .thenComparing(JobRecord::id, Comparator.reverseOrder());

    private record Position(Instant createdAt, String id) {
    }

    private JobPages() {
    }

    static JobPage page(Stream<JobRecord> jobs, Set<JobStatus> statuses, int limit, String cursor) {
        Stream<JobRecord> all = jobs.filter(r -> statuses.isEmpty() || statuses.contains(r.status()))
                .sorted(NEWEST_FIRST);
        if (cursor != null) {
            Position after = decode(cursor);
            all = all.filter(r -> r.createdAt().isBefore(after.createdAt())
                    || r.createdAt().equals(after.createdAt()) && r.id().compareTo(after.id()) < 0);
        }
        List<JobRecord> page = all.limit(limit + 1L).toList();
        if (page.size() <= limit) {
            return new JobPage(page, null);
        }
        List<JobRecord> shown = page.subList(0, limit);
        return new JobPage(shown, encode(shown.get(limit - 1)));
    }

    private static String encode(JobRecord last) {
        String raw = last.createdAt().toString() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this service issued");
        }
    }
}
