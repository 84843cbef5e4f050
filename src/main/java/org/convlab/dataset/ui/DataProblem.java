package org.convlab.dataset.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.file.Path;

/** Shown instead of the data when the data set cannot be loaded: what is wrong and how to fix it. */
final class DataProblem extends Div {

    DataProblem(String problem, Path folder) {
        addClassName("callout-error");
        getElement().setAttribute("role", "alert");
        Paragraph fix = new Paragraph();
        fix.add("ConvLab reads the four IDX files (and dataset.json) from ");
        fix.add(new Code(folder.toAbsolutePath().normalize().toString()));
        fix.add(". Restore them from the repository's data/fashion-mnist folder, or start ConvLab with "
                + "--convlab.data-dir=FOLDER (or the environment variable CONVLAB_DATA_DIR) pointing at "
                + "another 28×28 grayscale data set. Reload this page once the files are in place.");
        add(new H2("The data set cannot be loaded"), new Paragraph(problem), fix);
    }
}
