package org.convlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
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

/**
 * The frame around every page: the app's name, the sections in the order a learner meets them,
 * and a light/dark switch. The drawer collapses into a menu button on narrow (tablet) screens.
 */
@Layout
public final class MainLayout extends AppLayout {

    private static final String COLOR_SCHEME = "convlab.colorScheme";

    private final Button themeSwitch = new Button();

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        Anchor brand = new Anchor("", "ConvLab");
        brand.addClassName("brand");
        Span tagline = new Span("see how CNNs work, then train one");
        tagline.addClassName("brand-tagline");

        themeSwitch.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeSwitch.addClassName("theme-switch");
        themeSwitch.addClickListener(e -> setDark(!isDark()));

        Span spacer = new Span();
        spacer.addClassName("navbar-spacer");
        addToNavbar(new DrawerToggle(), tagline, spacer, themeSwitch);
        addToDrawer(brand, navigation());
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        SideNavItem train = new SideNavItem("Train", "train", VaadinIcon.FLASK.create());
        train.setMatchNested(true);
        SideNavItem learn = new SideNavItem("Learn", "learn", VaadinIcon.ACADEMY_CAP.create());
        learn.setMatchNested(true);
        nav.addItem(
                new SideNavItem("Home", "", VaadinIcon.HOME.create()),
                learn,
                new SideNavItem("Data", "data", VaadinIcon.PICTURE.create()),
                train,
                new SideNavItem("Runs", "runs", VaadinIcon.CHART_LINE.create()),
                new SideNavItem("Try it", "try", VaadinIcon.PENCIL.create()),
                new SideNavItem("Classroom", "classroom", VaadinIcon.USERS.create()));
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
        themeSwitch.setAriaLabel(dark ? "Switch to light theme" : "Switch to dark theme");
        themeSwitch.setTooltipText(dark ? "Light theme" : "Dark theme");
    }
}
