package org.convlab.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test (or every test of a class) signed in as a real account, a learner unless told
 * otherwise; the account is created in the test database if it is missing. Browserless tests see it
 * from their first navigation on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
@Documented
@WithSecurityContext(factory = TestAccounts.SignedInFactory.class)
public @interface SignedIn {

    String username() default "learner";

    Role role() default Role.LEARNER;
}
