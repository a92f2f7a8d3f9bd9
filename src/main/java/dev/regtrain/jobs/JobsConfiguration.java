package dev.regtrain.jobs;

import dev.regtrain.common.Callers;
import dev.regtrain.common.Endings;
import dev.regtrain.security.SecurityProperties;
import dev.regtrain.security.QuotaLock;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.datasets.DatasetStore;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The job lifecycle's parts, wired from the configuration and the storage adapters' ports. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    JobQueue jobQueue(RegtrainProperties properties) {
        return new JobQueue(properties.effectiveWorkers(), properties.queueCapacity());
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry, JobQueue queue) {
        return new JobMetrics(registry, queue::waiting);
    }

    @Bean
    JobService jobService(JobStore store, CheckpointStore checkpoints, DatasetService datasets, JobQueue queue,
                          JobMetrics metrics, EngineContext engine, SharedCores cores, Clock clock,
                          RegtrainProperties properties, Endings<JobSnapshot> endings, Callers callers,
                          SecurityProperties security, StorageQuota storageQuota,
                          ObjectProvider<JobCoordination> coordination, InstanceAddress address) {
        return new JobService(store, checkpoints, datasets, queue, metrics, engine, cores, clock, properties.limits(),
                properties.shutdownGrace(), Later.daemon("regtrain-storage-retry"), endings, callers,
                new OwnerQuotas(security.quota().maxActiveJobs(), storageQuota),
                coordination.getIfAvailable(() -> JobCoordination.LOCAL), address);
    }

    /** {@code regtrain.security.quota.max-stored-bytes}, counted from the stores (datasets and checkpoints). */
    @Bean
    StorageQuota storageQuota(SecurityProperties security, DatasetStore datasets, JobStore jobs,
                              CheckpointStore checkpoints, ObjectProvider<QuotaLock> sharedLock) {
        return new StorageQuota(security.quota().maxStoredBytes().toBytes(),
                new OwnerStorage(datasets, jobs, checkpoints), sharedLock.getIfAvailable(() -> QuotaLock.NONE));
    }

    /** How this instance names itself: the host, the configured port and the process id. */
    @Bean
    InstanceAddress instanceAddress(Environment environment) {
        return InstanceAddress.of(environment.getProperty("server.port", Integer.class, 8080));
    }
}
