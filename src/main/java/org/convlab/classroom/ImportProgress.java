package org.convlab.classroom;

/**
 * Follows a class-list import while it creates accounts (hashing each first password is the slow
 * part: about 65 ms an account on one core), and may stop it before anything is stored.
 */
public interface ImportProgress {

    /** The list is valid: {@code total} accounts are about to be created. */
    default void checked(int total) {}

    /** {@code done} of {@code total} accounts are ready; called from the hashing threads. */
    void accountsReady(int done, int total);

    /** Asked between accounts; true stops the import, and nobody is added. */
    boolean cancelled();

    ImportProgress NONE = new ImportProgress() {
        @Override public void accountsReady(int done, int total) {}
        @Override public boolean cancelled() { return false; }
    };
}
