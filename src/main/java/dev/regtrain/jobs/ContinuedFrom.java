package dev.regtrain.jobs;

/** The job and epoch a continued job starts from (POST /api/v1/jobs/{id}/continue). */
public record ContinuedFrom(String job, int epoch) {
}
