package dev.regtrain.plots;

import dev.regtrain.jobs.BestValue;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobStop;
import dev.regtrain.jobs.request.Objectives;
import java.util.Locale;

/** What a plot says about its job: its name, its state in a few words, and its regularisation. */
final class JobText {

    private JobText() {
    }

    /** The job's name, or the start of its id. */
    static String name(JobRecord job) {
        return job.name() != null && !job.name().isBlank() ? job.name()
                : "job " + job.id().substring(0, Math.min(8, job.id().length()));
    }

    /** Where the job is: queued, running at epoch n, or how it ended. */
    static String state(JobRecord job) {
        int epochs = job.request().training().epochs();
        JobStop stop = job.stop();
        if (stop == null) {
            return switch (job.status()) {
                case QUEUED -> "queued: no epoch trained yet";
                case RUNNING -> job.epochsDone() == 0 ? "running: preparing the first epoch"
                        : "running: epoch " + job.epochsDone() + " of " + epochs;
                default -> job.status().name().toLowerCase(Locale.ROOT);
            };
        }
        return switch (stop.reason()) {
            case COMPLETED -> "completed all " + stop.epoch() + " epochs";
            case EARLY_STOPPED -> "early stopping fired at epoch " + stop.epoch() + " of " + epochs
                    + (stop.bestEpoch() == null ? "" : "; best epoch " + stop.bestEpoch())
                    + (stop.restoredBestWeights() ? ", whose weights the model keeps" : "");
            case CANCELLED -> "cancelled after epoch " + stop.epoch();
            case DIVERGED -> "failed: diverged in epoch " + stop.epoch() + " (a smaller learning rate helps)";
            case FAILED -> "failed: " + stop.detail();
        };
    }

    /** A message for a plot with nothing to show yet. */
    static String nothingYet(JobRecord job) {
        return switch (job.status()) {
            case QUEUED -> "Nothing to plot yet: the job is queued";
            case RUNNING -> "Nothing to plot yet: the first epoch is running";
            default -> "Nothing to plot: the job ended before its first epoch";
        };
    }

    /** The epoch of the best monitored value so far, or null. */
    static Integer bestEpoch(JobRecord job) {
        if (job.stop() != null && job.stop().bestEpoch() != null) {
            return job.stop().bestEpoch();
        }
        return job.best() == null ? null : job.best().epoch();
    }

    static String best(JobRecord job) {
        BestValue best = job.best();
        Integer epoch = bestEpoch(job);
        if (best != null && epoch != null && best.epoch() == epoch) {
            return "best: epoch " + epoch + " (" + best.monitor() + " " + number(best.value()) + ")";
        }
        return "best: epoch " + epoch;
    }

    /** The regularisation in a few words (the one summary the dashboard shows too). */
    static String regularisation(JobRecord job) {
        return Objectives.summary(job.request().regularization());
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 0.01 ? "%.4g" : "%.3g", value)
                .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }
}
