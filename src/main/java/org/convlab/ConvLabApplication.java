package org.convlab;

import org.convlab.cli.ConvLabCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two faces: with no command it serves the web app; with a command ({@code data stats},
 * {@code lesson xo}, ...) it runs that command headless and exits, without starting Spring.
 */
@SpringBootApplication
public class ConvLabApplication {

    public static void main(String[] args) {
        if (ConvLabCli.isCommand(args)) {
            System.exit(ConvLabCli.run(args));
        }
        SpringApplication.run(ConvLabApplication.class, args);
    }
}
