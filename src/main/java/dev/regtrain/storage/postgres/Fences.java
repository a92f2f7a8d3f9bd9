package dev.regtrain.storage.postgres;

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
}
