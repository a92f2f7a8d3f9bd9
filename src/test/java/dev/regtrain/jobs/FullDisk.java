package dev.regtrain.jobs;

import dev.regtrain.common.StorageFullException;

/** A disk the test fills and empties: the in-memory stores refuse every write while it is full, as a full disk does. */
public final class FullDisk {

    private volatile boolean full;

    public void fill() {
        full = true;
    }

    public void free() {
        full = false;
    }

    /** Throws as a write to a full disk does. */
    public void write(String what) {
        if (full) {
            throw new StorageFullException("the data directory is full: could not write " + what,
                    new java.io.IOException("No space left on device"));
        }
    }
}
