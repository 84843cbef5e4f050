package org.convlab.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registration setting, {@code convlab.registration=class-code|open|closed}. Bound by Spring Boot,
 * so an unknown value fails the start with one message listing the valid values.
 */
@ConfigurationProperties("convlab")
public record RegistrationSettings(@DefaultValue("class-code") RegistrationPolicy registration) {

    /** The policy a server has when nothing is set: today's classroom behaviour. */
    public static final RegistrationSettings DEFAULT = new RegistrationSettings(RegistrationPolicy.CLASS_CODE);
}
