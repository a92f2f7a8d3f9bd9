package dev.regtrain.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook delivery, prefix {@code regtrain.webhooks}.
 *
 * @param allowHttp whether a webhook URL may be plain {@code http} (else only {@code https})
 * @param allowedHosts hosts a delivery may reach whatever their addresses (loopback, private, …), matched as
 *                     written in the URL, case-insensitively
 * @param timeout how long one delivery attempt may take in all: connecting, sending, and reading the answer (an
 *                answer still arriving when the time is up is cut and the attempt counts as failed)
 */
@Validated
@ConfigurationProperties("regtrain.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @NotNull @DefaultValue List<String> allowedHosts,
        @NotNull @DefaultValue("10s") Duration timeout) {

    public WebhookProperties {
        allowedHosts = List.copyOf(allowedHosts);
    }
}
