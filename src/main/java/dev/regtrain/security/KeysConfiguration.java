package dev.regtrain.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key service; with keys on, it makes sure a first admin key exists before the first request. */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KeysConfiguration.class);

    @Bean
    KeyService keyService(KeyStore store, Clock clock, SecurityProperties properties) {
        KeyService keys = new KeyService(store, clock);
        if (properties.keys()) {
            keys.bootstrap(properties.bootstrapAdminKeySha256()).ifPresent(secret -> LOG.warn(
                    "No admin key existed, so one was generated; it is shown this once and only its hash is kept. "
                    + "Use it as 'Authorization: Bearer <key>' to create other keys (POST /api/v1/keys):\n\n    {}\n",
                    secret));
        }
        return keys;
    }
}
