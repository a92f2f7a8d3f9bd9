package dev.regtrain.storage.postgres;

import dev.regtrain.jobs.JobLostException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fencing tokens of the jobs this instance trains. Every write of such a job carries its token and happens only
 * while the job's row still has it: once another instance has claimed the job (a larger token), this instance's writes
 * are refused ({@link dev.regtrain.jobs.JobLostException}). Jobs this instance does not train (a submission, a cancel
 * of a queued job) are written without a token.
 */
final class Fences {

    private final Map<String, Long> tokens = new ConcurrentHashMap<>();

    void hold(String jobId, long token) {
        tokens.put(jobId, token);
    }

    void release(String jobId) {
        tokens.remove(jobId);
    }

    OptionalLong token(String jobId) {
        Long token = tokens.get(jobId);
        return token == null ? OptionalLong.empty() : OptionalLong.of(token);
    }

    Map<String, Long> held() {
        return Map.copyOf(tokens);
    }

    /**
     * Within a transaction, for a job this instance trains: locks the job's row ({@code for share}, or {@code for
     * update} when {@code exclusive}) while it still carries this instance's token, so that the token cannot change
     * until the transaction ends; {@link JobLostException} when it no longer does. Nothing for other jobs.
     */
    void lockRow(Database db, String jobId, boolean exclusive) {
        OptionalLong token = token(jobId);
        if (token.isPresent() && db.jdbc.queryForList("select 1 from jobs where id = ? and fencing_token = ? for "
                + (exclusive ? "update" : "share"), Integer.class, jobId, token.getAsLong()).isEmpty()) {
            throw new JobLostException(jobId);
        }
    }
}
