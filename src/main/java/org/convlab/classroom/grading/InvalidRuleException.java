package org.convlab.classroom.grading;

/** A rule that cannot be graded (a negative count, an accuracy above 100%, unreadable JSON). */
public class InvalidRuleException extends IllegalArgumentException {

    public InvalidRuleException(String message) {
        super(message);
    }
}
