package dev.regtrain.models;

import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.models.document.ModelMeta;
import dev.regtrain.models.document.Provenance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provenance of a served model: the job's request with defaults and seed, the dataset's digest, this service's
 * version and commit (from the build's {@code META-INF/build-info.properties} and {@code git.properties};
 * {@code unknown} when the service was not built by Maven), and the checkpoint's time.
 */
@Component
class ProvenanceSource {

    static final String UNKNOWN = "unknown";

    private final String version;
    private final String commit;
    private final JsonMapper json;

    ProvenanceSource(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git, JsonMapper json) {
        BuildProperties buildProperties = build.getIfAvailable();
        GitProperties gitProperties = git.getIfAvailable();
        this.version = buildProperties != null && buildProperties.getVersion() != null ? buildProperties.getVersion()
                : UNKNOWN;
        this.commit = gitProperties != null && gitProperties.getCommitId() != null ? gitProperties.getCommitId()
                : UNKNOWN;
        this.json = json;
    }

    Provenance of(JobRecord job, ModelMeta meta, CheckpointInfo checkpoint) {
        return new Provenance(job.request().seed(), json.valueToTree(job.request()), meta.datasetSha256(), version,
                commit, checkpoint.createdAt());
    }
}
