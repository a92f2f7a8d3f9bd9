package dev.regtrain.api;

import dev.regtrain.studies.StudyParameter;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the parameters a study may search from {@link StudyParameter}, the list validation
 * uses: the keys of {@code search.parameters} are an enum there.
 */
@Configuration(proxyBeanMethods = false)
class StudyOpenApi {

    @Bean
    OpenApiCustomizer studyParameterNames() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> search = openApi.getComponents().getSchemas().get("StudySearch");
            if (search == null || search.getProperties() == null) {
                return;
            }
            Map<String, Schema> properties = search.getProperties();
            Schema<?> parameters = properties.get("parameters");
            if (parameters != null) {
                StringSchema names = new StringSchema();
                StudyParameter.paths().forEach(names::addEnumItem);
                parameters.setPropertyNames(names);
            }
        };
    }
}
