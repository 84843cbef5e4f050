package org.convlab.account;

/**
 * Who may create a learner account on this server ({@code convlab.registration}, docs/decisions/008).
 * Spring Boot binds the setting leniently ({@code class-code}, {@code CLASS_CODE} and {@code Class_Code}
 * all mean {@link #CLASS_CODE}); any other value stops the start with a message naming the valid ones.
 */
public enum RegistrationPolicy {
    /** A learner registers with the join code of a class and is in that class at once (the default). */
    CLASS_CODE,
    /** Anyone may create a learner account, with or without a class code; a class can be joined later. */
    OPEN,
    /** Nobody registers themselves: teachers add class lists, the admin creates accounts. */
    CLOSED
}
