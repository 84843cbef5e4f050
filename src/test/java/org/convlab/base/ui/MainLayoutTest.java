package org.convlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.UI;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.junit.jupiter.api.Test;
import java.util.Locale;
import org.convlab.account.AppUserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest
class MainLayoutTest extends SpringBrowserlessTest {

    @Autowired
    AppUserRepository users;

    @Test
    void navigationListsTheSectionsInTheOrderALearnerMeetsThem() {
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath)
                .containsExactly("", "learn", "data", "train", "runs", "try", "classroom");
    }

    @Test
    void aGuestIsOfferedToSignIn() {
        navigate(HomeView.class);
        Anchor signIn = $(Anchor.class).withText("Sign in").single();
        assertThat(signIn.getHref()).isEqualTo("login");
        assertThat($(Button.class).withText("Sign out").all()).isEmpty();
    }

    @Test
    @SignedIn
    void aLearnerSeesWhoIsSignedInAndNoTeacherPages() {
        navigate(HomeView.class);
        Anchor who = $(Anchor.class).withClassName("navbar-user").single();
        assertThat(who.getText()).isEqualTo("Signed in as Learner (learner)");
        assertThat(who.getHref()).as("leads to My account").isEqualTo("account");
        assertThat($(Button.class).withText("Sign out").single().isVisible()).isTrue();
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath)
                .contains("me", "account").doesNotContain("classroom/classes", "classroom/queue", "admin");
    }

    @Test
    @SignedIn(username = "nav.teacher", role = Role.TEACHER)
    void aTeacherAlsoSeesTheClassesPage() {
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath)
                .endsWith("classroom", "me", "account", "classroom/classes", "classroom/queue").doesNotContain("admin");
    }

    @Test
    @SignedIn(username = "nav.admin", role = Role.ADMIN)
    void anAdminAlsoSeesTheAdminPage() {
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath)
                .endsWith("classroom", "me", "account", "classroom/classes", "classroom/queue", "admin");
    }

    @Test
    void homeShowsThePathThroughTheApp() {
        HomeView home = navigate(HomeView.class);
        String text = home.getElement().getTextRecursively();
        assertThat(HomeView.PATH).extracting(HomeView.Step::title).containsExactly(
                "Learn the operations", "Explore the data", "Build a model", "Train it", "Look inside");
        HomeView.PATH.forEach(step -> assertThat(text).contains(step.title()));
    }

    @Test
    void themeSwitchTogglesDarkAndBack() {
        navigate(HomeView.class);
        Button themeSwitch = $(Button.class).withClassName("theme-switch").single();
        assertThat(themeSwitch.getAriaLabel()).contains("Switch to dark theme");
        test(themeSwitch).click();
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(themeSwitch.getAriaLabel()).contains("Switch to light theme");
        test(themeSwitch).click();
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.LIGHT);
    }

    /** WCAG 2.4.1: the first thing the Tab key reaches skips the navigation to the page's content. */
    @Test
    void aSkipLinkComesFirstAndLeadsToThePagesContent() {
        HomeView home = navigate(HomeView.class);
        MainLayout layout = (MainLayout) home.getParent().orElseThrow();
        Anchor skip = $(Anchor.class).withClassName("skip-link").single();
        assertThat(skip.getText()).isEqualTo("Skip to main content");
        assertThat(layout.getElement().getChild(0)).as("first in the layout").isEqualTo(skip.getElement());
        assertThat(home.getClassNames()).contains("main-content");
        assertThat(home.getElement().getAttribute("tabindex")).isEqualTo("-1");
    }

    @Test
    void theLanguageSwitchNamesEachLanguageInItself() {
        navigate(HomeView.class);
        LanguageSwitch languages = $(LanguageSwitch.class).single();
        assertThat(languages.getListDataView().getItems().map(LanguageSwitch::ownName))
                .containsExactly("English", "Deutsch", "Español");
        assertThat(languages.getValue()).isEqualTo(Locale.ENGLISH);
        assertThat(languages.getAriaLabel()).contains("Language");
    }

    @Test
    @SignedIn(username = "lang.learner")
    void aLanguageChosenWithTheSwitchIsRememberedForTheAccount() {
        navigate(HomeView.class);
        test($(LanguageSwitch.class).single()).selectItem("Español");
        assertThat(users.findByUsername("lang.learner").orElseThrow().getLanguage()).contains(Locale.of("es"));
    }

    @Test
    void aPageInGermanSpeaksGermanWithGermanNumbers() {
        inLanguage(Locale.GERMAN);
        HomeView home = navigate(HomeView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Lerne, wie ein Faltungsnetz sieht – und trainiere dann selbst eins");
        assertThat(home.getElement().getTextRecursively()).contains("70.000").doesNotContain("!{");
    }

    @Test
    void aPageInSpanishSpeaksSpanish() {
        inLanguage(Locale.of("es"));
        navigate(HomeView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Aprende cómo ve una red convolucional y luego entrena una");
        assertThat($(Paragraph.class).withClassName("lead").single().getText()).startsWith("ConvLab te muestra cada número");
    }

    /**
     * A new language, then the page built again (the test's UI starts on the home page). The header is
     * kept across navigations here; the switch reloads the whole page, which the browser tests cover.
     */
    private void inLanguage(Locale language) {
        UI.getCurrent().setLocale(language);
        UI.getCurrent().navigate("learn");
    }
}
