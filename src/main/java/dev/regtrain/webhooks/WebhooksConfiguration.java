package dev.regtrain.webhooks;

import dev.regtrain.common.Callers;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.config.WebhookProperties;
import dev.regtrain.jobs.JobService;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks' parts, wired from the configuration and the storage adapters' ports. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    Outbox outbox(OutboxStore store) {
        return new Outbox(store);
    }

    @Bean
    WebhookService webhookService(WebhookStore store, Outbox outbox, Callers callers, Clock clock,
                                  WebhookProperties properties) {
        return new WebhookService(store, outbox, callers, clock, properties.allowHttp());
    }

    @Bean
    WebhookEvents webhookEvents(Outbox outbox, WebhookService webhooks, EventData data, JsonMapper json,
                                Clock clock) {
        return new WebhookEvents(outbox, webhooks, data, json, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(Outbox outbox, WebhookService webhooks, WebhookProperties properties,
                                        Clock clock, JobService jobs) {
        Deliveries deliveries = new Deliveries(outbox, webhooks, new HttpWebhookSender(properties.timeout()),
                HostResolver.system(), new AddressPolicy(properties.allowedHosts()), clock,
                () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookDispatcher(outbox, deliveries, happened(jobs), clock);
    }

    /**
     * Whether the change an outbox entry read at a start announces was saved: a job is final in its store, or gone
     * (only a final job can be deleted); a test ping always happened.
     */
    static Predicate<OutboxEntry> happened(JobService jobs) {
        return entry -> {
            if (!entry.resource().startsWith("job:")) {
                return true;
            }
            try {
                return jobs.get(entry.resource().substring("job:".length())).status().isFinal();
            } catch (NotFoundException e) {
                return true;
            } catch (RuntimeException e) {
                return true; // a damaged record: rather twice than never (at least once)
            }
        };
    }
}
