package dev.regtrain.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook is told of: the one source of their names (validation, OpenAPI and deliveries read it). */
public enum EventType {
    JOB_SUCCEEDED("job.succeeded"),
    JOB_FAILED("job.failed"),
    JOB_CANCELLED("job.cancelled"),
    STUDY_SUCCEEDED("study.succeeded"),
    STUDY_FAILED("study.failed"),
    STUDY_CANCELLED("study.cancelled"),
    /** Sent by {@code POST /api/v1/webhooks/{id}/test} whatever the subscription; not subscribable. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a subscription may name it. */
    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** The names a subscription may list, in order. */
    public static List<String> subscribableNames() {
        return Arrays.stream(values()).filter(EventType::subscribable).map(EventType::wireName).toList();
    }

    /** The event a resource's final status announces: {@code job} and {@code SUCCEEDED} give job.succeeded. */
    public static EventType ended(String resource, String finalStatus) {
        return valueOf(resource.toUpperCase(java.util.Locale.ROOT) + "_" + finalStatus);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
