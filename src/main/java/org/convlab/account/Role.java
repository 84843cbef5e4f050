package org.convlab.account;

/** What an account may do: learners train and submit, teachers run classes, admins run the server. */
public enum Role {
    LEARNER, TEACHER, ADMIN;

    /** The Spring Security authority name ({@code ROLE_TEACHER}, ...), as {@code @RolesAllowed} expects. */
    public String authority() {
        return "ROLE_" + name();
    }
}
