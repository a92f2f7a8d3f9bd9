package dev.regtrain.storage;

import dev.regtrain.config.RegtrainProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The service's configuration with its defaults, as Spring Boot would bind it, with a few properties set. */
public final class TestProperties {

    private TestProperties() {
    }

    public static RegtrainProperties with(String... keysAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("regtrain",
                Bindable.of(RegtrainProperties.class));
    }
}
