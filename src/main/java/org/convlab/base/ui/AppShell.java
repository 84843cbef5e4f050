package org.convlab.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Locale;
import org.convlab.i18n.Translations;
import org.convlab.web.ApiLanguage;

/** Page-wide settings: the Lumo theme, our own styles, and server push for live training updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("ConvLab");
        // Before any page is built: the browser's own choice (the switch's cookie), else its preferred languages.
        Locale language = LanguageChoice.fromCookie(settings.getRequest()).filter(Translations::isSupported)
                .map(Translations::supported)
                .orElseGet(() -> ApiLanguage.ofHeader(settings.getRequest().getHeader("Accept-Language")));
        settings.addMetaTag("description", Translations.get(language, "common.description"));
    }
}
