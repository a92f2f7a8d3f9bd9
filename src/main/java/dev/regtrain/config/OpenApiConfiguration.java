package dev.regtrain.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header; the paths and schemas come from the controllers. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI regtrainOpenApi() {
        return new OpenAPI()
                .info(new Info().title("regtrain").version("v1")
                        .description("Train regularised neural networks over HTTP: submit a job with L1, L2, "
                                + "elastic-net, proximal L1, weight decay, max-norm, dropout, early stopping and "
                                + "augmentation; follow it live; fetch its metrics, checkpoints, model and "
                                + "predictions. Errors are RFC 9457 problem documents.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this service")));
    }
}
