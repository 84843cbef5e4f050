package org.convlab.base.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for an address that leads nowhere, inside the app's layout so the way back is one click
 * away. Pages a signed-in user may not open answer the same (Vaadin's access control reports them
 * as not found), so a learner does not even learn that a teacher's page exists.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public final class NotFoundView extends RouteNotFoundError implements HasComponents, com.vaadin.flow.component.HasStyle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        addClassNames("page", "not-found");
        String path = event.getLocation().getPath();
        add(new H1(t("home.not-found.title")),
                new Paragraph(t("home.not-found.text", "/" + path)),
                new Anchor("", t("home.not-found.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
