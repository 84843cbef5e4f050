package org.convlab.dataset.library;

import java.util.Map;
import java.util.Set;

/**
 * Which classes an account belongs to (as a learner) or teaches. The catalogue asks; the classroom
 * answers, so data sets know nothing of classes beyond their ids (the same arrangement as the
 * queue's RunBudgets). Without a classroom (tests of the catalogue alone) an account has no class.
 */
@FunctionalInterface
public interface ClassMembership {

    Set<Long> classesOf(long accountId);

    /** The classes a teacher teaches, id to name, in name order (a teacher imports a data set for one). */
    default Map<Long, String> classesTaught(long teacherId) {
        return Map.of();
    }

    ClassMembership NONE = accountId -> Set.of();
}
