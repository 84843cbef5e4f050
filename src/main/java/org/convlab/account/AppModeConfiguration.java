package org.convlab.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The server's {@link AppMode} as a bean: pages, security and start-up tasks ask it, never the property. */
@Configuration(proxyBeanMethods = false)
class AppModeConfiguration {

    @Bean
    AppMode appMode(Environment environment) {
        return AppMode.parse(environment.getProperty(AppMode.PROPERTY));
    }
}
