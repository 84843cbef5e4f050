package org.convlab.classroom;

/** An account just created, with its first password in clear: shown or downloaded once, never stored. */
public record NewAccount(String username, String displayName, String password) {}
