package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the plots draw: a job's record and its metrics rows read as one pair while the job trains. */
class JobSnapshotTests extends ServiceTest {

    @Autowired
    JobService jobs;

    @Test
    void aSnapshotsRowsAreExactlyTheEpochsItsRecordCountsWhileTheJobTrains() {
        String id = submit(moonsJob(300, ""));
        List<String> mismatches = new ArrayList<>();
        int[] taken = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            JobSnapshot snapshot = jobs.snapshot(id);
            int rows = snapshot.metrics().size();
            int counted = snapshot.record().epochsDone();
            if (rows != counted || rows > 0 && snapshot.metrics().get(rows - 1).epoch() != counted) {
                mismatches.add(rows + " rows, record at epoch " + counted);
            }
            taken[0]++;
            return snapshot.record().status().isFinal();
        });

        assertThat(mismatches).isEmpty();
        assertThat(taken[0]).as("snapshots taken while the job ran").isGreaterThan(10);
        assertThat(jobs.snapshot(id).metrics()).hasSize(awaitFinal(id).get("progress").get("epoch").asInt());
    }
}
