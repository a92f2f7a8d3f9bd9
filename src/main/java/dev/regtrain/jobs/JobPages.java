package dev.regtrain.jobs;

import dev.regtrain.common.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pages of jobs, newest first. The cursor is opaque to clients: the creation time and id of the last job of the
 * previous page, so that paging is stable while new jobs arrive. Adapters that hold their jobs in memory page with
 * {@link #page}; a database decodes the cursor with {@link #decode} and pages in its query.
 */
public final class JobPages {

    public static final Comparator<JobRecord> NEWEST_FIRST = Comparator.comparing(JobRecord::createdAt).reversed()
            .thenComparing(JobRecord::id, Comparator.reverseOrder());

    /** Where a page starts: after the job created at {@code createdAt} with id {@code id}. */
    public record Position(Instant createdAt, String id) {
    }

    private JobPages() {
    }

    public static JobPage page(Stream<JobRecord> jobs, JobFilter filter, int limit, String cursor) {
        Paged<JobRecord> page = page(jobs.filter(filter::matches), JobRecord::createdAt, JobRecord::id, limit, cursor);
        return new JobPage(page.items(), page.next());
    }

    /** A page of anything with a creation time and an id (studies page as jobs do). */
    public record Paged<T>(List<T> items, String next) {
    }

    public static <T> Paged<T> page(Stream<T> items, Function<T, Instant> createdAt, Function<T, String> id, int limit,
                                    String cursor) {
        Stream<T> all = items.sorted(Comparator.comparing(createdAt).reversed().thenComparing(id,
                Comparator.reverseOrder()));
        if (cursor != null) {
            Position after = decode(cursor);
            all = all.filter(r -> createdAt.apply(r).isBefore(after.createdAt())
                    || createdAt.apply(r).equals(after.createdAt()) && id.apply(r).compareTo(after.id()) < 0);
        }
        List<T> oneMore = all.limit(limit + 1L).toList();
        if (oneMore.size() <= limit) {
            return new Paged<>(List.copyOf(oneMore), null);
        }
        T last = oneMore.get(limit - 1);
        return new Paged<>(List.copyOf(oneMore.subList(0, limit)), encode(createdAt.apply(last), id.apply(last)));
    }

    /** A page from up to {@code limit + 1} jobs in order: the extra one says that there is a next page. */
    public static JobPage of(List<JobRecord> jobsAndOneMore, int limit) {
        if (jobsAndOneMore.size() <= limit) {
            return new JobPage(List.copyOf(jobsAndOneMore), null);
        }
        List<JobRecord> shown = List.copyOf(jobsAndOneMore.subList(0, limit));
        return new JobPage(shown, encode(shown.get(limit - 1).createdAt(), shown.get(limit - 1).id()));
    }

    private static String encode(Instant createdAt, String id) {
        String raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; a cursor this service did not issue is a 400 on {@code cursor}. */
    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this service issued");
        }
    }
}
