package org.convlab.account;

import java.util.Locale;
import org.convlab.i18n.Translations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The language an account reads ConvLab in, remembered from the header's switch on every device it signs in on. */
@Service
public class AccountLanguage {

    private final AppUserRepository users;

    public AccountLanguage(AppUserRepository users) {
        this.users = users;
    }

    /** Remembers {@code language} for the account; a language ConvLab is not written in is not stored. */
    @Transactional
    public void remember(AppUser account, Locale language) {
        if (!Translations.isSupported(language)) {
            return;
        }
        users.findById(account.getId()).ifPresent(user -> user.setLanguage(Translations.supported(language)));
    }
}
