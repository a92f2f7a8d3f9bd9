package dev.regtrain.studies;

import dev.regtrain.common.Callers;
import dev.regtrain.common.Endings;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.jobs.JobQueue;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.Later;
import dev.regtrain.security.StorageQuota;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The study service, with one daemon thread that moves every study on in turn, and, with a store shared by several
 * instances, one that takes over the studies of instances that died.
 */
@Configuration(proxyBeanMethods = false)
class StudiesConfiguration {

    @Bean
    StudyService studyService(StudyStore store, JobService jobs, JobQueue queue, Clock clock,
                              RegtrainProperties properties, Endings<StudyRecord> endings, Callers callers,
                              StorageQuota storageQuota) {
        ExecutorService coordinator = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "regtrain-studies");
            thread.setDaemon(true);
            return thread;
        });
        StudyService studies = new StudyService(store, jobs, coordinator, Later.daemon("regtrain-study-retry"), clock,
                new StudyAdmission(properties.effectiveWorkers(), properties.queueCapacity(), queue::waiting,
                        storageQuota), properties.limits().maxStudyJobs(), properties.limits().maxListLimit(),
                endings, callers);
        if (store.shared()) {
            // as often as the heartbeat: a dead instance's studies move on within the lease timeout and a third
            long periodMillis = Math.max(100, properties.cluster().leaseTimeout().toMillis() / 3);
            ScheduledExecutorService adopter = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "regtrain-study-adoption");
                thread.setDaemon(true);
                return thread;
            });
            adopter.scheduleWithFixedDelay(studies::adopt, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
        return studies;
    }
}
