package org.convlab.classroom;


import org.convlab.account.AccountException;
/** A class-list import the teacher stopped before anything was stored. */
public final class ImportCancelledException extends AccountException {

    public ImportCancelledException() {
        super(org.convlab.i18n.Text.of("classroom.classes.import.cancelled"));
    }
}
