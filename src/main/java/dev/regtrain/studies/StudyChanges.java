package dev.regtrain.studies;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A version per study that grows with every saved change, and a way for event streams to wait for the next one. */
final class StudyChanges {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Long> versions = new HashMap<>();

    void bump(String studyId) {
        lock.lock();
        try {
            versions.merge(studyId, 1L, Long::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long version(String studyId) {
        lock.lock();
        try {
            return versions.getOrDefault(studyId, 0L);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the study's version is past {@code seen} or the timeout passes; returns the version then. */
    long awaitAfter(String studyId, long seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (versions.getOrDefault(studyId, 0L) <= seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return versions.getOrDefault(studyId, 0L);
        } finally {
            lock.unlock();
        }
    }

    void forget(String studyId) {
        lock.lock();
        try {
            versions.remove(studyId);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
