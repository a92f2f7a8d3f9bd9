package dev.regtrain.config;

import dev.regtrain.engine.BatchAugmenter;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.MatrixKernel;
import dev.regtrain.engine.OjalgoKernel;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's surroundings: the multiply kernel chosen by {@code regtrain.engine.kernel}, a time source, a clock. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    EngineContext engineContext(RegtrainProperties properties) {
        return new EngineContext(kernel(properties.engine().kernel()), System::nanoTime, BatchAugmenter.NONE);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static MatrixKernel kernel(String name) {
        return OjalgoKernel.INSTANCE;
    }
}
