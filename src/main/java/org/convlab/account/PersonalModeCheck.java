package org.convlab.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before anything starts: the mode must be one ConvLab knows, and a personal web server, which
 * signs nobody in, listens on the loopback only. With no {@code server.address} it gets 127.0.0.1;
 * an address other computers could reach is refused, pointing to classroom mode. Registered in
 * META-INF/spring.factories, so it holds however ConvLab is started (jar, spring-boot:run, container).
 */
class PersonalModeCheck implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";
    /** Who sees the health endpoint's details: "when-authorized" (admins) unless personal mode says "always". */
    static final String HEALTH_DETAILS = "convlab.health-details";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        AppMode mode = AppMode.parse(environment.getProperty(AppMode.PROPERTY));
        if (!mode.isPersonal() || application.getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        String address = environment.getProperty("server.address");
        // Health details (application.properties: convlab.health-details) go to whoever asks: on the
        // loopback that is the one learner at this computer, the server's operator.
        environment.getPropertySources().addLast(
                new MapPropertySource("convlab-personal-health", Map.of(HEALTH_DETAILS, "always")));
        if (address == null || address.isBlank()) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("convlab-personal-mode", Map.of("server.address", LOOPBACK)));
        } else if (!isLoopback(address.strip())) {
            throw new StartRefused("Personal mode has no sign-in, so ConvLab listens only on this computer "
                    + "(127.0.0.1), not on " + address.strip() + ".",
                    "To serve other computers, start it in classroom mode: --convlab.mode=classroom "
                            + "(or CONVLAB_MODE=classroom), which has accounts.");
        }
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** After the configuration files and the environment are read, so every way of setting the mode counts. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
