package org.convlab.classroom.grading;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;

/**
 * A rule that cannot be graded (a negative count, an accuracy above 100%, unreadable JSON), refused in
 * words the teacher reads in their own language.
 */
public class InvalidRuleException extends TextException {

    public InvalidRuleException(Text text) {
        super(text);
    }
}
