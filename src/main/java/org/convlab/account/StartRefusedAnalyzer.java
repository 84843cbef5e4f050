package org.convlab.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartRefused} into Spring Boot's "APPLICATION FAILED TO START" report (META-INF/spring.factories). */
class StartRefusedAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
