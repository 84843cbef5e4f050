package org.convlab.base.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import java.util.Optional;
import org.convlab.account.AccountLanguage;
import org.convlab.account.AppMode;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;

/**
 * The frame around every page: the app's name, the sections in the order a learner meets them,
 * who is signed in, and a light/dark switch. The drawer collapses into a menu button on narrow
 * (tablet) screens, and the language switch sits beside the theme switch. Teachers and admins also see their own pages in the navigation; in personal mode
 * there is nobody to sign in or out and no class.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

    private static final String COLOR_SCHEME = "convlab.colorScheme";

    private final Button themeSwitch = new Button();

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, AppMode mode,
            AccountLanguage languages) {
        Optional<AppUser> user = currentUser.get();
        setPrimarySection(Section.DRAWER);
        Anchor brand = new Anchor("", "ConvLab");
        brand.addClassName("brand");
        Span tagline = new Span(t("common.tagline"));
        tagline.addClassName("brand-tagline");

        themeSwitch.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeSwitch.addClassName("theme-switch");
        themeSwitch.addClickListener(e -> setDark(!isDark()));

        Span spacer = new Span();
        spacer.addClassName("navbar-spacer");
        if (mode.isPersonal()) {
            addToNavbar(skipLink(), new DrawerToggle(), tagline, spacer, new LanguageSwitch(user, languages), themeSwitch);
        } else {
            addToNavbar(skipLink(), new DrawerToggle(), tagline, spacer, account(user, authentication),
                    new LanguageSwitch(user, languages), themeSwitch);
        }
        addToDrawer(brand, navigation(user, mode));
    }

    /**
     * The first stop of the Tab key (WCAG 2.4.1): moves the focus past the navigation to the page's
     * content. Done in the browser, not as a "#fragment" link, which the app's base address would
     * turn into a visit to the home page.
     */
    private static Anchor skipLink() {
        Anchor skip = new Anchor("#main-content", t("common.skip-to-content"));
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("this.addEventListener('click', e => {"
                + " e.preventDefault();"
                + " const main = document.querySelector('.main-content');"
                + " if (main) { main.focus(); main.scrollIntoView(); } })");
        return skip;
    }

    /** The page's own content, where the skip link takes the focus. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().getClassList().add("main-content");
            content.getElement().setAttribute("tabindex", "-1");
        }
    }

    /** "Signed in as Ann (learner)", a link to My account, with a way out; or a way in for a guest. */
    private static Span account(Optional<AppUser> user, AuthenticationContext authentication) {
        Span account = new Span();
        account.addClassName("navbar-account");
        if (user.isEmpty()) {
            Anchor signIn = new Anchor("login", t("common.sign-in"));
            signIn.getElement().setAttribute("router-link", true);
            account.add(signIn);
            return account;
        }
        // The name leads to My account (the password is changed there).
        Anchor who = new Anchor("account", t("common.signed-in-as", user.get().getDisplayName(),
                t("common.role." + user.get().getRole().name().toLowerCase(Locale.ROOT))));
        who.getElement().setAttribute("router-link", true);
        who.setTitle(t("common.my-account-title"));
        who.addClassName("navbar-user");
        Button signOut = new Button(t("common.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        account.add(who, signOut);
        return account;
    }

    /**
     * Personal mode has no class, so no Classroom, and no password, so no My account; its one learner
     * is always there, so My progress is.
     */
    private static SideNav navigation(Optional<AppUser> user, AppMode mode) {
        SideNav nav = new SideNav();
        SideNavItem train = new SideNavItem(t("common.nav.train"), "train", VaadinIcon.FLASK.create());
        train.setMatchNested(true);
        SideNavItem learn = new SideNavItem(t("common.nav.learn"), "learn", VaadinIcon.ACADEMY_CAP.create());
        learn.setMatchNested(true);
        // Data holds the import and drawing pages too (data/import, data/draw).
        SideNavItem data = new SideNavItem(t("common.nav.data"), "data", VaadinIcon.PICTURE.create());
        data.setMatchNested(true);
        nav.addItem(
                new SideNavItem(t("common.nav.home"), "", VaadinIcon.HOME.create()),
                learn,
                data,
                train,
                new SideNavItem(t("common.nav.runs"), "runs", VaadinIcon.CHART_LINE.create()),
                new SideNavItem(t("common.nav.try"), "try", VaadinIcon.PENCIL.create()));
        if (!mode.isPersonal()) {
            nav.addItem(new SideNavItem(t("common.nav.classroom"), "classroom", VaadinIcon.USERS.create()));
        }
        if (user.isPresent()) {
            nav.addItem(new SideNavItem(t("common.nav.progress"), "me", VaadinIcon.TROPHY.create()));
        }
        if (user.isPresent() && !mode.isPersonal()) {
            // Also in the navbar's "Signed in as …", which narrow (tablet) screens hide.
            nav.addItem(new SideNavItem(t("common.nav.account"), "account", VaadinIcon.USER.create()));
        }
        if (user.map(AppUser::isTeacher).orElse(false)) {
            nav.addItem(new SideNavItem(t("common.nav.classes"), "classroom/classes", VaadinIcon.GROUP.create()),
                    new SideNavItem(t("common.nav.queue"), "classroom/queue", VaadinIcon.LIST_OL.create()));
        }
        if (user.map(AppUser::isAdmin).orElse(false)) {
            nav.addItem(new SideNavItem(t("common.nav.admin"), "admin", VaadinIcon.COG.create()));
        }
        return nav;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        setDark(isDark());
    }

    private boolean isDark() {
        return Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(COLOR_SCHEME));
    }

    /** Remembered for the browser session, so every page keeps the learner's choice. */
    private void setDark(boolean dark) {
        VaadinSession.getCurrent().setAttribute(COLOR_SCHEME, dark);
        getUI().ifPresent(ui -> ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT));
        themeSwitch.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        themeSwitch.setAriaLabel(t(dark ? "common.theme.to-light" : "common.theme.to-dark"));
        themeSwitch.setTooltipText(t(dark ? "common.theme.light" : "common.theme.dark"));
    }
}
