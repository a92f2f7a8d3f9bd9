package dev.regtrain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobQueueTests {

    @Test
    void admitsUpToItsCapacityAndAgainAsJobsLeave() {
        JobQueue queue = new JobQueue(1, 2);
        queue.start();
        try {
            assertThat(queue.tryAdmit()).isTrue();
            assertThat(queue.tryAdmit()).isTrue();
            assertThat(queue.tryAdmit()).isFalse();
            queue.leave();
            assertThat(queue.waiting()).isEqualTo(1);
            assertThat(queue.tryAdmit()).isTrue();
        } finally {
            queue.shutdown();
        }
    }

    /** Jobs accepted before a restart with a lower capacity keep their places, and free none they did not take. */
    @Test
    void jobsAcceptedBeforeARestartAreCountedBeyondALowerCapacity() {
        JobQueue queue = new JobQueue(1, 1);
        queue.start();
        try {
            queue.admitAccepted();
            queue.admitAccepted();
            queue.admitAccepted();
            assertThat(queue.waiting()).isEqualTo(3);
            assertThat(queue.tryAdmit()).isFalse();

            queue.leave();
            queue.leave();
            assertThat(queue.tryAdmit()).as("still one waiting, the capacity").isFalse();
            queue.leave();
            assertThat(queue.waiting()).isZero();
            assertThat(queue.tryAdmit()).isTrue();
            assertThat(queue.tryAdmit()).isFalse();
        } finally {
            queue.shutdown();
        }
    }
}
