package org.convlab.dataset.ui;

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

    /** @param defaultSet the server's default set, fixed in its data folder; otherwise an imported or drawn one */
    DataProblem(String problem, Path folder, boolean defaultSet) {
        addClassName("callout-error");
        getElement().setAttribute("role", "alert");
        if (!defaultSet) {
            add(new H2("This data set cannot be loaded"), new Paragraph(problem), new Paragraph("Its files on the "
                    + "server are missing or damaged. Choose another data set above, or import it again; if it "
                    + "is your class's, ask your teacher."));
            return;
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        Paragraph fix = new Paragraph();
        fix.add("ConvLab reads the four IDX files (and dataset.json) from the server's data folder ");
        fix.add(new Code(name == null ? "/" : name.toString()));
        fix.add(" (the server's log says where it is). Restore them from the repository's data/fashion-mnist "
                + "folder, or start ConvLab with --convlab.data-dir=FOLDER (or the environment variable "
                + "CONVLAB_DATA_DIR) pointing at another 28×28 grayscale data set. Reload this page once the "
                + "files are in place.");
        add(new H2("The data set cannot be loaded"), new Paragraph(problem), fix);
    }
}
