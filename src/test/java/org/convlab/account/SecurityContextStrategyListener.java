package org.convlab.account;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security context strategy of the test's own Spring
 * context before each test method.
 * <p>
 * Why: every Spring context with Vaadin's security registers its own session-aware strategy, and
 * registering it replaces the JVM-wide one. Tests reuse cached contexts, so after a second context
 * starts, a test in the first one would put its user (via {@code @SignedIn} or {@code @WithMockUser})
 * into one strategy while Vaadin's access control reads another, and the test would run as a guest.
 * Registered in {@code META-INF/spring.factories}; runs just before Spring Security's own listener.
 */
public final class SecurityContextStrategyListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 9_000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            ApplicationContext context = testContext.getApplicationContext();
            context.getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
