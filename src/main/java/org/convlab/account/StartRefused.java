package org.convlab.account;

/**
 * A setting ConvLab will not start with. Spring Boot prints it through {@link StartRefusedAnalyzer}:
 * what is wrong and what to do, each in one line, with no stack trace.
 */
public class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
