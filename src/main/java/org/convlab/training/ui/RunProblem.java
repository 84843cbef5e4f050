package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

/** Shown instead of a run (or of its measured parts) when it cannot be: what is wrong, and a way on. */
final class RunProblem extends Div {

    RunProblem(String title, String problem) {
        addClassName("callout-error");
        getElement().setAttribute("role", "alert");
        Paragraph back = new Paragraph();
        back.add(new RouterLink(t("run.problem.all-runs"), RunsView.class));
        add(new H2(title), new Paragraph(problem), back);
    }
}
