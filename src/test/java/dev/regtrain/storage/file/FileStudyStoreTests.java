package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyStore;
import dev.regtrain.studies.StudyStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file adapter of the study store: the contract, and a damaged record found at start. */
class FileStudyStoreTests extends StudyStoreContract {

    @TempDir
    Path dataDir;

    final DamageLog damage = new DamageLog(Clock.systemUTC());
    private StudyStore store;

    @Override
    protected StudyStore store() {
        if (store == null) {
            store = reopened();
        }
        return store;
    }

    @Override
    protected StudyStore reopened() {
        return new FileStudyStore(FileCheckpointStoreTests.properties(dataDir), damage);
    }

    @Test
    void aStudyWhoseRecordWasAlteredOnDiskIsReportedAndCanBeDeleted() throws Exception {
        StudyRecord study = aStudy(0, JobStatus.RUNNING);
        store().save(study);
        Path file = dataDir.resolve("studies").resolve(study.id()).resolve("study.json");
        Files.writeString(file, Files.readString(file).replace("\"s\"", "\"t\""));

        StudyStore reopened = reopened();

        assertThatThrownBy(() -> reopened.find(study.id())).isInstanceOf(DamagedDataException.class)
                .hasMessageContaining("checksum");
        assertThat(damage.about("study", study.id())).isNotEmpty();
        reopened.delete(study.id());
        assertThat(reopened.find(study.id())).isEmpty();
        assertThat(reopened().find(study.id())).isEmpty();
    }
}
