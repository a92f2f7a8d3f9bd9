package dev.regtrain.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the service and how much, prefix {@code regtrain.security}.
 *
 * @param mode {@code none} (the default: loopback only, everything belongs to {@code anonymous}) or {@code api-key}
 * @param allowAnonymous lets mode {@code none} bind to an address other than loopback (with a warning in the log)
 * @param allowedHosts Host names besides localhost, 127.0.0.1 and [::1] that mode {@code none} answers (a name a
 *                     browser was led to by DNS rebinding is refused with 421)
 * @param bootstrapAdminKeySha256 lower-case hex SHA-256 of the first admin key's UTF-8 bytes; when empty, a key is
 *                                generated at the first start and printed once
 * @param quota what one owner may hold
 * @param rate how many requests one key may send
 */
@Validated
@ConfigurationProperties("regtrain.security")
public record SecurityProperties(
        @NotNull @DefaultValue("none") SecurityMode mode,
        @DefaultValue("false") boolean allowAnonymous,
        @NotNull @DefaultValue List<String> allowedHosts,
        @Pattern(regexp = "[0-9a-f]{64}") String bootstrapAdminKeySha256,
        @Valid @NotNull @DefaultValue Quota quota,
        @Valid @NotNull @DefaultValue Rate rate) {

    public SecurityProperties {
        allowedHosts = List.copyOf(allowedHosts);
        if (bootstrapAdminKeySha256 != null && bootstrapAdminKeySha256.isEmpty()) {
            bootstrapAdminKeySha256 = null;
        }
    }

    /** Whether requests carry keys. */
    public boolean keys() {
        return mode == SecurityMode.API_KEY;
    }

    /**
     * @param maxActiveJobs queued and running jobs one owner may have (0: no limit); beyond it, 429
     * @param maxStoredBytes bytes of datasets and checkpoints one owner may keep (0: no limit); beyond it, 413
     */
    public record Quota(@Min(0) @DefaultValue("0") int maxActiveJobs,
                        @NotNull @DefaultValue("0") DataSize maxStoredBytes) {
    }

    /**
     * @param requestsPerSecond the sustained request rate of one key
     * @param burst how many requests one key may send at once after being idle
     */
    public record Rate(@Min(1) @Max(1_000_000) @DefaultValue("50") int requestsPerSecond,
                       @Min(1) @Max(10_000_000) @DefaultValue("100") int burst) {
    }
}
