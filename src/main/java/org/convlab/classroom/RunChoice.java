package org.convlab.classroom;

import java.time.Instant;

/** One of a learner's finished runs, as the submit list offers it (the page writes its label). */
public record RunChoice(String id, String name, Double testAccuracy, Instant finishedAt) {}
