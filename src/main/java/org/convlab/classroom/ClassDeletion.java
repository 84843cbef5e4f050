package org.convlab.classroom;

/**
 * What deleting a class would do, for the confirmation: the class and its join code go with its
 * learners' memberships and its assignments; the learners keep their accounts, runs and
 * submissions elsewhere. A class whose assignments have submissions is not deleted at all
 * (docs/decisions/008), so {@link #allowed()} is false then.
 */
public record ClassDeletion(long classId, String name, String joinCode, int learners, int assignments,
        long submissions) {

    public boolean allowed() {
        return submissions == 0;
    }
}
