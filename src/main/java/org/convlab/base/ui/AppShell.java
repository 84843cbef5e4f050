package org.convlab.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Locale;
import org.convlab.i18n.Translations;

/** Page-wide settings: the Lumo theme, our own styles, and server push for live training updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("ConvLab");
        Locale language = Translations.supported(settings.getRequest().getLocale());
        settings.addMetaTag("description", Translations.get(language, "common.description"));
    }
}
