package dev.regtrain.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: who created, cancelled or deleted what, one structured line per change on the logger
 * {@code dev.regtrain.audit} ({@code action=job.cancel owner=team-a admin=false resource=job id=…}), so that a log
 * pipeline can route and index it apart from the rest. Never a key or a request body.
 */
public final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger("dev.regtrain.audit");

    private Audit() {
    }

    /** {@code action} done by {@code caller} to the resource of that kind and id (for example "job", "cancel"). */
    public static void log(Caller caller, String resource, String action, String id) {
        LOG.info("action={}.{} owner={} admin={} resource={} id={}", resource, action, caller.owner(),
                caller.admin(), resource, id);
    }
}
