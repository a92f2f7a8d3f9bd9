package dev.regtrain.storage.file;

import dev.regtrain.storage.TestProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.common.ConflictException;
import dev.regtrain.idempotency.IdempotencyMismatchException;
import dev.regtrain.idempotency.IdempotencyService;
import dev.regtrain.idempotency.IdempotencyService.Claim;
import dev.regtrain.common.InvalidRequestException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Idempotency-Key rules, and that keys outlive the process (a second service on the same directory). */
class IdempotencyRestartTests {

    @TempDir
    Path dataDir;

    private IdempotencyService service(Clock clock) {
        RegtrainProperties properties = TestProperties.with("regtrain.data-dir", dataDir.toString(),
                "regtrain.idempotency-retention", "1h");
        return new IdempotencyService(new FileIdempotencyStore(properties, new dev.regtrain.common.DamageLog(clock)), clock, properties);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aCompletedKeyReplaysTheFirstResponseAlsoAfterARestart() {
        IdempotencyService first = service(at("2026-01-01T00:00:00Z"));
        Claim.Proceed claim = (Claim.Proceed) first.claim("jobs", "key-1", "abc");
        first.complete("jobs", "key-1", "abc", 202, "/api/v1/jobs/" + claim.resourceId(), "{\"id\":1}");

        Claim again = service(at("2026-01-01T00:10:00Z")).claim("jobs", "key-1", "abc");

        assertThat(again).isInstanceOf(Claim.Replay.class);
        assertThat(((Claim.Replay) again).record().body()).isEqualTo("{\"id\":1}");
        assertThat(((Claim.Replay) again).record().location()).endsWith(claim.resourceId());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        IdempotencyService service = service(at("2026-01-01T00:00:00Z"));
        service.claim("jobs", "key-2", "abc");
        service.complete("jobs", "key-2", "abc", 202, null, "{}");

        assertThatThrownBy(() -> service.claim("jobs", "key-2", "xyz")).isInstanceOf(IdempotencyMismatchException.class);
    }

    @Test
    void aReplayWhileTheFirstIsHandledIsAConflict() {
        IdempotencyService service = service(at("2026-01-01T00:00:00Z"));
        service.claim("jobs", "key-3", "abc");

        assertThatThrownBy(() -> service.claim("jobs", "key-3", "abc")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aClaimLeftUnansweredByACrashIsHandedBackWithItsResourceId() {
        Claim.Proceed claim = (Claim.Proceed) service(at("2026-01-01T00:00:00Z")).claim("jobs", "key-4", "abc");

        Claim afterRestart = service(at("2026-01-01T00:00:05Z")).claim("jobs", "key-4", "abc");

        assertThat(afterRestart).isInstanceOf(Claim.Unanswered.class);
        assertThat(((Claim.Unanswered) afterRestart).record().resourceId()).isEqualTo(claim.resourceId());
    }

    @Test
    void aFailedRequestGivesItsKeyBackAndOldKeysExpire() {
        IdempotencyService service = service(at("2026-01-01T00:00:00Z"));
        service.claim("jobs", "key-5", "abc");
        service.abandon("jobs", "key-5");
        assertThat(service.claim("jobs", "key-5", "other")).isInstanceOf(Claim.Proceed.class);
        service.complete("jobs", "key-5", "other", 202, null, "{}");

        assertThat(service(at("2026-01-01T02:00:00Z")).claim("jobs", "key-5", "third"))
                .as("after the retention of 1h").isInstanceOf(Claim.Proceed.class);
    }

    @Test
    void aKeyMustBeVisibleAsciiOfReasonableLength() {
        IdempotencyService service = service(at("2026-01-01T00:00:00Z"));

        assertThatThrownBy(() -> service.claim("jobs", "", "a")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.claim("jobs", "x".repeat(256), "a")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.claim("jobs", "key with spaces", "a"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
