package dev.regtrain.webhooks;

import dev.regtrain.common.Callers;
import dev.regtrain.common.Endings;
import dev.regtrain.config.WebhookProperties;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyService;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The webhooks' parts, wired from the configuration and the storage adapters' ports. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    /** Shared by the instances when the store is (PostgreSQL), else this instance's own. */
    @Bean
    Outbox outbox(OutboxStore store) {
        return store instanceof SharedOutboxStore shared ? new SharedOutbox(shared) : new LocalOutbox(store);
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

    /** Jobs' ends go to the outbox in the same step as their final records (Outbox#add says how). */
    @Bean
    Endings<JobSnapshot> jobEndings(WebhookEvents events) {
        return events::jobEnded;
    }

    @Bean
    Endings<StudyRecord> studyEndings(WebhookEvents events) {
        return events::studyEnded;
    }

    @Bean
    WebhookDispatcher webhookDispatcher(Outbox outbox, WebhookService webhooks, WebhookProperties properties,
                                        Clock clock, JobService jobs, StudyService studies) {
        Deliveries deliveries = new Deliveries(outbox, webhooks, new HttpWebhookSender(properties.timeout()),
                HostResolver.system(), new AddressPolicy(properties.allowedHosts()), clock,
                () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookDispatcher(outbox, deliveries, happened(jobs, studies), clock);
    }

    /**
     * Whether the change an outbox entry read at a start announces was saved: its job or study is final in its store,
     * or gone (only a final one can be deleted); a test ping always happened. A record that cannot be read counts as
     * saved: rather twice than never (at least once).
     */
    static Predicate<OutboxEntry> happened(JobService jobs, StudyService studies) {
        return entry -> {
            String resource = entry.resource();
            try {
                if (resource.startsWith("job:")) {
                    return jobs.get(resource.substring("job:".length())).status().isFinal();
                }
                if (resource.startsWith("study:")) {
                    return studies.get(resource.substring("study:".length())).status().isFinal();
                }
                return true;
            } catch (RuntimeException e) {
                return true;
            }
        };
    }
}
