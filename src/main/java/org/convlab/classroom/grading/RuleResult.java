package org.convlab.classroom.grading;

/**
 * How one run fared against one rule.
 *
 * @param rule the rule in words ("At least 2 convolution layers")
 * @param explanation one line with the run's own numbers ("The model has 3 convolution layers.")
 */
public record RuleResult(String rule, boolean passed, String explanation) {}
