package dev.regtrain.jobs.cores;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.BatchAugmenter;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.kernel.Kernels;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's surroundings: the multiply kernel chosen by {@code regtrain.engine.kernel}, the cores jobs share
 * ({@code regtrain.engine.threads}), a time source, a clock.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean(destroyMethod = "close")
    SharedCores sharedCores(RegtrainProperties properties) {
        return new SharedCores(properties.engine().effectiveThreads());
    }

    @Bean
    EngineContext engineContext(RegtrainProperties properties, SharedCores cores) {
        EngineContext context = new EngineContext(Kernels.select(properties.engine().kernel(), cores),
                System::nanoTime, BatchAugmenter.NONE, cores);
        log.info("engine: kernel {} (regtrain.engine.kernel={}), up to {} threads for a job that trains alone",
                context.kernel().name(), properties.engine().kernel(), cores.parallelism());
        return context;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
