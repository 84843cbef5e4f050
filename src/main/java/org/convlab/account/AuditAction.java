package org.convlab.account;

/** The kinds of account care that are recorded in the audit log, with the words the admin page shows. */
public enum AuditAction {
    PASSWORD_CHANGED("changed their password"),
    PASSWORD_RESET("reset the password of"),
    LEARNER_REMOVED("removed a learner from a class"),
    CLASS_RENAMED("renamed a class"),
    CLASS_DELETED("deleted a class"),
    CLASS_BUDGET_CHANGED("set the run budget of a class"),
    DEFAULT_BUDGET_CHANGED("set the default run budget of"),
    ACCOUNT_DISABLED("disabled the account"),
    ACCOUNT_ENABLED("enabled the account");

    private final String words;

    AuditAction(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The words in the reader's language: "account.audit.password-changed" and so on. */
    public org.convlab.i18n.Text text() {
        return org.convlab.i18n.Text.of("account.audit." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
