package dev.regtrain.jobs;

import java.util.List;

/** A page of jobs, newest first, and the cursor of the next page (null on the last). */
public record JobPage(List<JobRecord> jobs, String next) {
}
