package org.convlab;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.convlab.cli.ConvLabCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * One jar, three faces: with no command it serves the web app (which also trains queued runs);
 * {@code worker} joins the training queue as one more worker, with no web server; any other
 * command ({@code data stats}, {@code lesson xo}, ...) runs headless and exits, without Spring;
 * a first argument that is neither an option nor a command is refused, starting nothing.
 */
@SpringBootApplication
public class ConvLabApplication {

    public static final String WORKER = "worker";

    public static void main(String[] args) {
        if (args.length > 0 && WORKER.equals(args[0])) {
            runWorker(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (ConvLabCli.isCommand(args)) {
            System.exit(ConvLabCli.run(args));
        }
        // A typo ("trian") must not start the web app and create db/ and runs/ where it was typed.
        ConvLabCli.notACommand(args, WORKER).ifPresent(refusal -> {
            System.err.println(refusal);
            System.exit(2);
        });
        SpringApplication.run(ConvLabApplication.class, args);
    }

    /**
     * A worker shares the web app's database (the same H2 file on this machine, or PostgreSQL with
     * {@code --spring.profiles.active=postgres}) and run folder, and trains one queued run at a
     * time until it is stopped; a run it was training when stopped goes back to the queue.
     */
    static void runWorker(String[] springArgs) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConvLabApplication.class)
                .web(WebApplicationType.NONE)
                // Vaadin's auto-configuration assumes a web server; a worker has none.
                .properties("convlab.worker.enabled=true", "spring.autoconfigure.exclude="
                        + "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                        + "com.vaadin.flow.spring.VaadinScopesConfig")
                .run(springArgs);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
