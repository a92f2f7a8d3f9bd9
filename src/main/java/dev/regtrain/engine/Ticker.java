package dev.regtrain.engine;

/** A monotonic time source in nanoseconds, given to the engine so that it reads no clock of its own. */
@FunctionalInterface
public interface Ticker {

    Ticker NONE = () -> 0L;

    long nanos();
}
