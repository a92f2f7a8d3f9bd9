package dev.regtrain.jobs;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Callers;
import dev.regtrain.common.NotFoundException;
import java.util.Map;

/**
 * The one place where jobs are looked up for a caller: another owner's job is, for them, a job that does not exist
 * (the same NotFoundException as an unknown id, on every path JobService serves), and lists hold only their own.
 */
final class VisibleJobs {

    private final Map<String, JobEntry> live;
    private final JobStore store;
    private final Callers callers;

    VisibleJobs(Map<String, JobEntry> live, JobStore store, Callers callers) {
        this.live = live;
        this.store = store;
        this.callers = callers;
    }

    Caller caller() {
        return callers.current();
    }

    /** The job in memory, null when it is not there; another owner's is not found, like an unknown id. */
    JobEntry entry(String id) {
        JobEntry entry = id == null ? null : live.get(id);
        if (entry != null && !caller().sees(entry.record().owner())) {
            throw unknown(id);
        }
        return entry;
    }

    /** The job, from memory or the store. */
    JobRecord record(String id) {
        JobEntry entry = entry(id);
        if (entry != null) {
            return entry.record();
        }
        Caller caller = caller();
        return store.find(id).filter(r -> caller.sees(r.owner())).orElseThrow(() -> unknown(id));
    }

    boolean exists(String id) {
        if (id == null) {
            return false;
        }
        Caller caller = caller();
        JobEntry entry = live.get(id);
        return entry != null ? caller.sees(entry.record().owner())
                : store.find(id).filter(r -> caller.sees(r.owner())).isPresent();
    }

    /** The filter of a list: only the caller's own jobs unless it is an admin. */
    JobFilter forCaller(JobFilter filter) {
        Caller caller = caller();
        return caller.admin() ? filter : filter.ownedBy(caller.owner());
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("no job with id '" + id + "'");
    }
}
