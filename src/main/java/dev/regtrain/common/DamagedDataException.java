package dev.regtrain.common;

/**
 * Something stored was found damaged (a checksum mismatch, a truncated or unreadable record): it is never served as if
 * whole. The message says what, and what was kept.
 */
public class DamagedDataException extends ConflictException {

    public DamagedDataException(String message) {
        super(message);
    }
}
