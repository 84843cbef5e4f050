package org.convlab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.convlab.dataset.DatasetService;
import org.slf4j.LoggerFactory;

/**
 * Commands log warnings only, and to stderr: without this, logback's default configuration prints
 * DJL's DEBUG lines on stdout and breaks {@code --json}. The web app keeps Spring Boot's logging.
 */
final class CliLogging {

    private CliLogging() {}

    static void configure() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(err);
        // "Failed to detect GPU count" is expected with the CPU libtorch; --device gpu reports it clearly.
        context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);
        // The data set's problems are the command's one error line; the service's log line would repeat it.
        context.getLogger(DatasetService.class).setLevel(Level.ERROR);
    }
}
