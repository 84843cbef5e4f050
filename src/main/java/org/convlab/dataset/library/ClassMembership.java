package org.convlab.dataset.library;

import java.util.Set;

/**
 * Which classes an account belongs to (as a learner) or teaches. The catalogue asks; the classroom
 * answers, so data sets know nothing of classes beyond their ids (the same arrangement as the
 * queue's RunBudgets). Without a classroom (tests of the catalogue alone) an account has no class.
 */
@FunctionalInterface
public interface ClassMembership {

    Set<Long> classesOf(long accountId);

    ClassMembership NONE = accountId -> Set.of();
}
