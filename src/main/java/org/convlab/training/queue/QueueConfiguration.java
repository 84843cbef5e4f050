package org.convlab.training.queue;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The training queue: db-scheduler keeps it in the app's own database (table scheduled_tasks),
 * hands each queued run to one worker, and gives a run whose worker died (no heartbeat for ten
 * seconds) to the next worker, which resumes it from its last checkpoint. See docs/decisions/007.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueueSettings queueSettings(@Value("${convlab.worker.enabled:true}") boolean enabled,
            @Value("${convlab.worker.name:}") String name,
            @Value("${convlab.queue.max-running-per-learner:1}") int perLearner,
            @Value("${convlab.queue.max-running-per-device:0}") int perDevice,
            @Value("${convlab.worker.device:auto}") String device,
            @Value("${convlab.queue.policy:fair}") String policy,
            @Value("${convlab.queue.slice-seconds:30}") double sliceSeconds) {
        return new QueueSettings(enabled, name.isBlank() ? defaultWorkerName() : name, perLearner, perDevice, device,
                QueuePolicy.valueOf(policy.trim().toUpperCase(java.util.Locale.ROOT)),
                Duration.ofMillis(Math.round(sliceSeconds * 1000)));
    }

    /** host-pid, cut to fit db-scheduler's picked_by column. */
    private static String defaultWorkerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "worker";
        }
        String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        return name.length() <= 50 ? name : name.substring(name.length() - 50);
    }

    @Bean
    RunJobExecutor runJobExecutor(RunJobStore store, TrainingService training, QueueSettings settings,
            QueueMetrics metrics) {
        return new RunJobExecutor(store, training, settings, metrics);
    }

    @Bean
    CustomTask<Void> trainTask(RunJobExecutor executor) {
        return Tasks.custom("train", Void.class)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute(executor::execute);
    }

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, CustomTask<Void> trainTask) {
        return SchedulerClient.Builder.create(dataSource, List.of(trainTask)).build();
    }

    @Bean
    RunTimes runTimes(RunJobRepository runs, TrainingService training, org.convlab.dataset.DatasetService datasets,
            DeviceService devices) {
        return new RunTimes(runs, training, datasets, devices);
    }

    /**
     * The budgets come from the classroom when it is there (it implements {@link RunBudgets});
     * without it, as in tests of the queue alone, no run is over budget.
     */
    @Bean(destroyMethod = "close")
    RunQueue runQueue(RunJobRepository runs, RunJobStore store, SchedulerClient scheduler, TrainingService training,
            QueueSettings settings, RunTimes times, ObjectProvider<RunBudgets> budgets,
            ObjectProvider<org.convlab.dataset.library.DatasetCatalog> catalog,
            org.convlab.account.AppUserRepository users) {
        return new RunQueue(runs, store, scheduler, training, settings, times,
                budgets.getIfAvailable(() -> RunBudgets.UNLIMITED), datasetAccess(catalog, users));
    }

    /** Who may use which data set: the catalogue when there is one, else the built-in sets only. */
    private static DatasetAccess datasetAccess(ObjectProvider<org.convlab.dataset.library.DatasetCatalog> catalog,
            org.convlab.account.AppUserRepository users) {
        return catalog.getIfAvailable() == null ? DatasetAccess.BUILT_IN_ONLY
                : (owner, key) -> users.findById(owner).map(user -> catalog.getObject().mayUse(user, key)).orElse(false);
    }

    @Bean
    RunUploads runUploads(RunJobRepository runs, RunJobStore store, TrainingService training,
            ObjectProvider<org.convlab.dataset.library.DatasetCatalog> catalog,
            org.convlab.account.AppUserRepository users) {
        return new RunUploads(runs, store, training, datasetAccess(catalog, users));
    }

    /** This process's worker: one training at a time (DJL allows one gradient collector per JVM). */
    @Bean
    SmartLifecycle trainingWorker(DataSource dataSource, CustomTask<Void> trainTask, RunJobExecutor executor,
            QueueSettings settings) {
        return new SmartLifecycle() {
            private Scheduler scheduler;

            @Override
            public synchronized void start() {
                if (!settings.workerEnabled()) {
                    return;
                }
                executor.starting();
                scheduler = Scheduler.create(dataSource, List.of(trainTask))
                        .threads(1)
                        .pollingInterval(Duration.ofSeconds(1))
                        .heartbeatInterval(Duration.ofSeconds(2))
                        .missedHeartbeatsLimit(5)
                        .schedulerName(new SchedulerName.Fixed(settings.workerName()))
                        .enableImmediateExecution()
                        .shutdownMaxWait(Duration.ofSeconds(20))
                        .build();
                scheduler.start();
            }

            @Override
            public synchronized void stop() {
                if (scheduler != null) {
                    executor.stopping();
                    scheduler.stop();
                    scheduler = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return scheduler != null;
            }
        };
    }
}
