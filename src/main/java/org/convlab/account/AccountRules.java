package org.convlab.account;

import org.convlab.i18n.Text;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes a username, a name and a password acceptable. Each check returns the cleaned-up value
 * or throws an {@link AccountException} saying what to change.
 */
public final class AccountRules {

    public static final int MIN_PASSWORD = 8;
    /** BCrypt reads at most 72 bytes; Spring Security refuses longer passwords outright. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME = 120;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private AccountRules() {}

    /** Lowercased and trimmed, so "Ann.Lee " and "ann.lee" are the same account. */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static String username(String username) {
        String name = normalizeUsername(username);
        if (name.isEmpty()) {
            throw new AccountException(Text.of("account.rules.username.empty"));
        }
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountException(Text.of("account.rules.username.invalid", name));
        }
        return name;
    }

    public static String displayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new AccountException(Text.of("account.rules.name.empty"));
        }
        if (name.length() > MAX_NAME) {
            throw new AccountException(Text.of("account.rules.name.too-long", (long) MAX_NAME));
        }
        // A name is shown on every page and in CSV downloads; PostgreSQL refuses a NUL outright.
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new AccountException(Text.of("account.rules.name.control"));
        }
        return name;
    }

    public static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccountException(Text.of("account.rules.password.too-short", (long) MIN_PASSWORD));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException(Text.of("account.rules.password.too-long", (long) MAX_PASSWORD_BYTES));
        }
        return password;
    }

    public static String className(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new AccountException(Text.of("account.rules.class-name.empty"));
        }
        if (clean.length() > MAX_NAME) {
            throw new AccountException(Text.of("account.rules.class-name.too-long", (long) MAX_NAME));
        }
        return clean;
    }

    /** Upper case without spaces or dashes, so "abc 234" and "ABC-234" find the class "ABC234". */
    public static String normalizeJoinCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
