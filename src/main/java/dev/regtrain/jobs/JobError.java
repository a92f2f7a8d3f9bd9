package dev.regtrain.jobs;

/** Why a job failed, in words fit for a user: no class names, stack traces or paths. */
public record JobError(String message) {
}
