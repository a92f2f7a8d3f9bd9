package dev.regtrain.api;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.webhooks.EventType;
import dev.regtrain.webhooks.Webhook;
import dev.regtrain.webhooks.WebhookEvents;
import dev.regtrain.webhooks.WebhookRequest;
import dev.regtrain.webhooks.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks")
class WebhookController {

    static final String EXAMPLE = """
            {
              "url": "https://ci.example.com/hooks/regtrain",
              "events": ["job.succeeded", "job.failed", "job.cancelled"],
              "description": "tell CI when a training job ends"
            }""";

    private final WebhookService webhooks;
    private final WebhookEvents events;

    WebhookController(WebhookService webhooks, WebhookEvents events) {
        this.webhooks = webhooks;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
            description = "Events are POSTed as {id, type, createdAt, data} and signed as Standard Webhooks says "
                    + "(webhook-id, webhook-timestamp, webhook-signature). The URL must be https (http only with "
                    + "regtrain.webhooks.allow-http); at every delivery its host must not resolve to a loopback, "
                    + "private, link-local, unique-local, multicast, unspecified or metadata address unless it is "
                    + "listed in regtrain.webhooks.allowed-hosts.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "ci", value = EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "The webhook with its secret (shown this once)")
    @ApiResponse(responseCode = "400", description = "An unknown event type, a URL that is too long, has "
            + "credentials or another scheme than https (http when allowed), or a malformed secret",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<WebhookResponse> create(@RequestBody(required = false) WebhookRequest request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a webhook needs a JSON body: url and events at least");
        }
        Webhook webhook = webhooks.create(request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + webhook.id()))
                .body(WebhookResponse.of(webhook, true));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List webhooks, oldest first", description = "The caller's "
            + "webhooks (an admin sees every owner's), without their secrets.")
    WebhookResponse.Page list() {
        return new WebhookResponse.Page(webhooks.list().stream().map(w -> WebhookResponse.of(w, false)).toList());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook", description = "Without its secret.")
    @ApiResponse(responseCode = "200", description = "The webhook")
    @ApiResponse(responseCode = "404", description = "No such webhook (or another owner's)")
    WebhookResponse get(@PathVariable String id) {
        return WebhookResponse.of(webhooks.get(id), false);
    }

    @DeleteMapping(path = "/{id}", // answers nothing but a problem: a client that accepts only problems is served
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook", description = "Its pending events are "
            + "not delivered.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such webhook (or another owner's)")
    void delete(@PathVariable String id) {
        webhooks.delete(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The latest delivery attempts, newest first",
            description = "Each attempt: event id and type, which attempt, the receiver's status, how long it took, "
                    + "why it failed and when it is tried again.")
    @ApiResponse(responseCode = "200", description = "The latest attempts, newest first (100 at most)")
    @ApiResponse(responseCode = "404", description = "No such webhook (or another owner's)")
    WebhookResponse.Deliveries deliveries(@PathVariable String id) {
        return new WebhookResponse.Deliveries(id, webhooks.deliveries(id).stream()
                .map(WebhookResponse.Attempt::of).toList());
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "testWebhook", summary = "Send a webhook.test event", description = "Queued for "
            + "delivery to this webhook whatever it subscribes to; follow it in the deliveries.")
    @ApiResponse(responseCode = "202", description = "Queued: the id of the webhook.test event")
    @ApiResponse(responseCode = "404", description = "No such webhook (or another owner's)")
    @ApiResponse(responseCode = "409", description = "The webhook is DISABLED")
    WebhookResponse.TestEvent test(@PathVariable String id) {
        return new WebhookResponse.TestEvent(events.test(id), EventType.WEBHOOK_TEST);
    }
}
