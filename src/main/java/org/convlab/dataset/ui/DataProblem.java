package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.file.Path;

/**
 * Shown instead of the data when the data set cannot be loaded: what is wrong and how to fix it.
 * Learners see this page, so it names the data folder and its files by name only; where they are on
 * the server is in the server's log.
 */
final class DataProblem extends Div {

    /** Where the folder's name goes in the sentence about the default set's files. */
    private static final String FOLDER = "{0}";

    /** @param defaultSet the server's default set, fixed in its data folder; otherwise an imported or drawn one */
    DataProblem(String problem, Path folder, boolean defaultSet) {
        addClassName("callout-error");
        getElement().setAttribute("role", "alert");
        if (!defaultSet) {
            add(new H2(t("dataset.problem.own.heading")), new Paragraph(problem),
                    new Paragraph(t("dataset.problem.own.fix")));
            return;
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        // One sentence in the bundle; the folder's name is set as code where the language puts it.
        String sentence = t("dataset.problem.default.fix");
        int at = sentence.indexOf(FOLDER);
        Paragraph fix = new Paragraph();
        fix.add(at < 0 ? sentence : sentence.substring(0, at));
        fix.add(new Code(name == null ? "/" : name.toString()));
        if (at >= 0) {
            fix.add(sentence.substring(at + FOLDER.length()));
        }
        add(new H2(t("dataset.problem.default.heading")), new Paragraph(problem), fix);
    }
}
