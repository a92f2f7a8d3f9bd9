package dev.regtrain.api;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Callers;
import dev.regtrain.common.Owner;
import dev.regtrain.security.SecurityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who calls, from the request's key: without keys, and outside a request (a worker, a delivery), the local caller
 * that owns everything; with keys, the key's owner (every owner for an admin), and for a request without a key (which
 * the chain only lets through to open paths) an owner-less nobody that sees nothing.
 */
@Component
class RequestCallers implements Callers {

    /** A request without a key where keys are on: it owns nothing and sees nothing but its own (none). */
    static final Caller NOBODY = new Caller(Owner.ANONYMOUS, false);

    private final boolean keys;

    RequestCallers(SecurityProperties properties) {
        this.keys = properties.keys();
    }

    @Override
    public Caller current() {
        if (!keys || RequestContextHolder.getRequestAttributes() == null) {
            return Caller.LOCAL;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof KeyAuthentication key) {
            return new Caller(key.getPrincipal().owner(), key.getPrincipal().admin());
        }
        return NOBODY;
    }
}
