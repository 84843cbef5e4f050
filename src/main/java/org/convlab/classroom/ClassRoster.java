package org.convlab.classroom;

import java.util.List;

import org.convlab.account.AppUser;
/** A class with its learners, loaded together so a page can show both. */
public record ClassRoster(SchoolClass schoolClass, List<AppUser> members) {}
