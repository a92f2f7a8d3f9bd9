package dev.regtrain.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header and its tags, in the order the Swagger UI shows them (Jobs first); the paths and
 * schemas come from the controllers.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Where a service started as the README says listens; clients generated from the document call it there. */
    public static final String DEFAULT_SERVER = "http://localhost:8080";

    /** The name of the bearer key scheme in the document. */
    public static final String BEARER = "bearerAuth";

    static final String DESCRIPTION = """
            Train regularised neural networks over HTTP: submit a job with L1, L2, elastic-net, proximal L1, weight \
            decay, max-norm, dropout, early stopping and augmentation; follow it live; fetch its metrics, \
            checkpoints, model and predictions.

            Conventions: JSON in and out, camelCase fields, ISO-8601 UTC times, numbers as JSON numbers (a value \
            that does not exist is null). Unknown fields in a body and unknown query parameters are refused (400), \
            so that a typo never silently trains the wrong model. Every error is an RFC 9457 \
            application/problem+json document (schema Problem); an invalid request lists every problem in \
            `errors`, each with the field or query parameter it concerns. POST /api/v1/jobs and POST \
            /api/v1/datasets take an Idempotency-Key header that makes retries safe. The allowed values of every \
            choice are listed by GET /api/v1/options.""";

    @Bean
    OpenAPI regtrainOpenApi() {
        return new OpenAPI()
                .info(new Info().title("regtrain").version("v1").description(DESCRIPTION)
                        .contact(new Contact().name("regtrain").url("https://regtrain.dev"))
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url(DEFAULT_SERVER).description("a service started with its defaults")))
                .tags(new ArrayList<>(List.of(
                        tag("Jobs", "Submit training jobs, follow them, cancel and delete them"),
                        tag("Results", "Metrics, checkpoints, the trained model and predictions"),
                        tag("Analysis", "A gradient check on the job's own objective, and its model evaluated on "
                                + "another dataset"),
                        tag("Plots", "PNG plots of a job's learning curves, weights and decision regions, and of "
                                + "several jobs side by side. Every plot renders in every job state: a queued job "
                                + "gives an empty chart that says so, a running one its epochs so far; a caption "
                                + "under the chart says where the job is."),
                        tag("Studies", "Choose the regularisation: many jobs from one template (a λ path, a grid, "
                                + "a random search), compared by validation or K-fold cross-validation, selected by "
                                + "the best mean or the one-standard-error rule, then refitted on all the data"),
                        tag("Datasets", "Built-in generators and uploaded CSV datasets"),
                        tag("Options", "The allowed values of every choice a request makes"),
                        tag("Keys", "API keys (regtrain.security.mode=api-key): created, listed and revoked by an "
                                + "admin"),
                        tag("Webhooks", "Signed notifications of the owner's jobs and studies ending, with retries "
                                + "and a deliveries log"),
                        tag("Cluster", "The instances that share one PostgreSQL store (regtrain.store=postgres) and "
                                + "the jobs each trains"))))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key as 'Authorization: Bearer <key>': required on /api/v1 when the "
                                + "service runs with regtrain.security.mode=api-key, not used without keys")))
                // optional: {} (no key, a service without keys) or the bearer key
                .security(new ArrayList<>(List.of(new SecurityRequirement(),
                        new SecurityRequirement().addList(BEARER))));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
