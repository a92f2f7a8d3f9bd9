package dev.regtrain.api;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Callers;
import dev.regtrain.common.DamageLog;
import dev.regtrain.config.JacksonConfiguration;
import dev.regtrain.config.RegtrainProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of one controller needs besides the controller, the error handler and the filters: the
 * configuration properties, the service's strict JSON, its security filter chain (mode none), and a clock standing
 * at {@link #NOW}.
 */
@TestConfiguration
@EnableConfigurationProperties(RegtrainProperties.class)
@Import({JacksonConfiguration.class, SecurityConfiguration.class})
class WebSlice {

    static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Without keys every request is the local caller's, as RequestCallers answers in mode none. */
    @Bean
    Callers callers() {
        return () -> Caller.LOCAL;
    }

    @Bean
    DamageLog damageLog(Clock clock) {
        return new DamageLog(clock);
    }
}
