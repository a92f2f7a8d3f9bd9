package dev.regtrain.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info}'s {@code git}: the commit the service was built from, from the git.properties the build
 * writes in a git checkout, or {@code unknown} when the sources came without their history (a tarball, where the
 * build writes an empty file). It replaces Spring Boot's git contributor ({@code management.info.git.enabled=false}),
 * which would leave the field out, so that a client never mistakes a missing field for a failure.
 */
@Component
public class SourceInfoContributor implements InfoContributor {

    public static final String UNKNOWN = "unknown";

    private final ObjectProvider<GitProperties> git;

    SourceInfoContributor(ObjectProvider<GitProperties> git) {
        this.git = git;
    }

    /** The abbreviated commit id, or {@code unknown}. */
    public String commit() {
        GitProperties properties = git.getIfAvailable();
        String id = properties == null ? null : properties.getShortCommitId();
        return id == null || id.isBlank() ? UNKNOWN : id;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("id", commit());
        GitProperties properties = git.getIfAvailable();
        if (properties != null && properties.getCommitTime() != null) {
            commit.put("time", properties.getCommitTime().toString());
        }
        builder.withDetail("git", Map.of("commit", commit));
    }
}
