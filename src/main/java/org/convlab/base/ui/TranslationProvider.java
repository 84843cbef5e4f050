package org.convlab.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.convlab.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * Vaadin's way to ConvLab's bundles ({@link Translations}). Offering English, German and Spanish makes
 * Vaadin give each new page the best of the browser's preferred languages; {@link LanguageChoice} then
 * puts the reader's own choice first.
 */
@Component
public class TranslationProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.get(locale, key, params);
    }
}
