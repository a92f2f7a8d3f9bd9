package dev.regtrain.common;

import org.springframework.stereotype.Component;

/** Who is calling while the service has no keys: everyone acts as {@link Caller#LOCAL}. */
@Component
public final class LocalCallers implements Callers {

    @Override
    public Caller current() {
        return Caller.LOCAL;
    }
}
