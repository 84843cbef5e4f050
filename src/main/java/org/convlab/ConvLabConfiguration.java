package org.convlab;

import java.nio.file.Path;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.DatasetService;
import org.convlab.model.ModelLimits;
import org.convlab.training.queue.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Wires the plain-Java feature services into Spring. The features themselves stay free of Spring
 * so the command line can use them without starting a web server.
 */
@Configuration(proxyBeanMethods = false)
class ConvLabConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConvLabConfiguration.class);

    @Bean
    DatasetLibrary datasetLibrary(@Value("${convlab.data-dir:" + DatasetService.DEFAULT_FOLDER + "}") Path folder,
            @Value("${convlab.demo-data-dir:data/" + DatasetLibrary.DEMO_KEY + "}") Path demoFolder,
            @Value("${convlab.datasets-dir:datasets}") Path importedRoot) {
        return new DatasetLibrary(new DatasetService(folder), demoFolder, importedRoot);
    }

    /** The default data set (Fashion-MNIST): the lessons and the pages that show one data set use it. */
    @Bean
    DatasetService datasetService(DatasetLibrary library) {
        return library.defaultSet();
    }

    @Bean(destroyMethod = "close")
    TrainingService trainingService(@Value("${convlab.runs-dir:runs}") Path runsDir, DatasetLibrary datasets,
            Environment environment) {
        return new TrainingService(runsDir, ModelLimits.from(environment::getProperty), datasets);
    }

    /**
     * Loads the data set in the background once the app is up, so the first visit to the Data page
     * is quick, and so a broken data folder shows up in the log as one clear line (the app keeps
     * running: the pages that need data say what is wrong).
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpDataset(ApplicationReadyEvent event) {
        DatasetService datasets = event.getApplicationContext().getBean(DatasetService.class);
        // A failure is logged by the service itself, with the file's full path.
        Thread.ofVirtual().name("dataset-warm-up").start(() -> {
            if (datasets.problem().isEmpty()) {
                log.info("Data set {} loaded from {}", datasets.dataset().name(),
                        datasets.folder().toAbsolutePath().normalize());
            }
        });
    }
}
