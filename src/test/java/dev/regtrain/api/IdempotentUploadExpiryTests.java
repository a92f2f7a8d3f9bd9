package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.MutableClock;
import dev.regtrain.idempotency.IdempotencyRecord;
import dev.regtrain.idempotency.IdempotencyService;
import dev.regtrain.idempotency.IdempotencyService.Claim;
import dev.regtrain.idempotency.InMemoryIdempotencyStore;
import dev.regtrain.storage.TestProperties;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed upload whose stored answer expires while its body is being read: the body is gone, so the request
 * cannot be handled as a new one; it is refused with a conflict and the key is left free for the retry.
 */
class IdempotentUploadExpiryTests {

    private static final byte[] CSV = "x,label\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotencyService idempotency = new IdempotencyService(store, clock,
            TestProperties.with("regtrain.idempotency-retention", "1h"));
    private final IdempotentRequests requests = new IdempotentRequests(idempotency, null, null,
            JsonMapper.builder().build(), clock, null, () -> dev.regtrain.common.Caller.LOCAL);

    /** The key answered for an upload of {@link #CSV} named "n", as the first request left it. */
    private void answered(String key, String body) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(String.join("\n", "name=n", "label=label", "task=null", "imageShape=null")
                .getBytes(StandardCharsets.UTF_8));
        String fingerprint = HexFormat.of().formatHex(digest.digest(CSV));
        Claim.Proceed first = (Claim.Proceed) idempotency.claim("datasets", key, null);
        idempotency.complete("datasets", key, fingerprint, 201, "/api/v1/datasets/" + first.resourceId(), body);
    }

    @Test
    void anAnswerThatExpiresWhileTheReplayedBodyIsReadIsAConflictAndFreesTheKey() throws Exception {
        answered("k", "{}");
        InputStream slowBody = new ByteArrayInputStream(CSV) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                clock.advance(Duration.ofHours(2)); // the upload takes longer than the retention
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> requests.uploadDataset(slowBody, "n", "label", null, null, "k"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired while the upload was received");
        assertThat(store.all()).as("nothing remembered for the key").isEmpty();
        assertThat(idempotency.claim("datasets", "k", null)).as("the retry is a new request")
                .isInstanceOf(Claim.Proceed.class);
    }

    @Test
    void aReplayWithinTheRetentionGivesTheStoredAnswer() throws Exception {
        answered("k", "{\"a\":1}");

        var response = requests.uploadDataset(new ByteArrayInputStream(CSV), "n", "label", null, null, "k");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"a\":1}");
        assertThat(response.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }
}
