package dev.regtrain.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.Caller;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import org.junit.jupiter.api.Test;

/** regtrain.security.quota.max-active-jobs, and what owners see of each other's jobs in the service itself. */
class OwnerQuotaTests {

    private static final Caller TEAM_A = new Caller(new Owner("team-a"), false);
    private static final Caller TEAM_B = new Caller(new Owner("team-b"), false);

    private final Lifecycle lifecycle = new Lifecycle(2);
    private final JobService jobs = lifecycle.service;

    @Test
    void anOwnerWithAsManyActiveJobsAsTheQuotaIsRefusedWithRetryAfterAndOthersAreNot() {
        lifecycle.caller = TEAM_A;
        String first = jobs.submit(Lifecycle.moons(2)).id();
        jobs.submit(Lifecycle.moons(2));

        assertThatThrownBy(() -> jobs.submit(Lifecycle.moons(2))).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("regtrain.security.quota.max-active-jobs")
                .satisfies(e -> assertThat(((QueueFullException) e).retryAfter()).isPositive());

        lifecycle.caller = TEAM_B;
        assertThat(jobs.submit(Lifecycle.moons(2)).owner()).isEqualTo(TEAM_B.owner());

        lifecycle.caller = TEAM_A;
        jobs.cancel(first);
        assertThat(jobs.submit(Lifecycle.moons(2)).owner()).as("an ended job no longer counts")
                .isEqualTo(TEAM_A.owner());
    }

    @Test
    void anotherOwnersJobIsNotFoundAndNotListedWhileAnAdminSeesIt() {
        lifecycle.caller = TEAM_A;
        String id = jobs.submit(Lifecycle.moons(2)).id();

        lifecycle.caller = TEAM_B;
        assertThatThrownBy(() -> jobs.get(id)).isInstanceOf(NotFoundException.class)
                .hasMessage("no job with id '" + id + "'");
        assertThatThrownBy(() -> jobs.cancel(id)).isInstanceOf(NotFoundException.class);
        assertThat(jobs.exists(id)).isFalse();
        assertThat(jobs.list(JobFilter.ALL, 10, null).jobs()).isEmpty();

        lifecycle.caller = new Caller(new Owner("ops"), true);
        assertThat(jobs.get(id).owner()).isEqualTo(TEAM_A.owner());
        assertThat(jobs.list(JobFilter.ALL, 10, null).jobs()).extracting(JobRecord::id).containsExactly(id);
    }
}
