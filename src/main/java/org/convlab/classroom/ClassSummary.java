package org.convlab.classroom;

/** A class as pages list it. */
public record ClassSummary(long id, String name, String joinCode) {

    static ClassSummary of(SchoolClass c) {
        return new ClassSummary(c.getId(), c.getName(), c.getJoinCode());
    }
}
