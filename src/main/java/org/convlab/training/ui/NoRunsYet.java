package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.nio.file.Path;

/** The Runs page before anything was trained: how to make a first run, in the app or on the command line. */
final class NoRunsYet extends Div {

    /** Where the folder goes in the sentence that names it. */
    private static final String MARK = "\u0000";

    NoRunsYet(Path runsDir) {
        addClassName("no-runs");
        Path folder = runsDir.toAbsolutePath().normalize();
        Paragraph inApp = new Paragraph(t("training.no-runs.build") + " ");
        inApp.add(new Anchor("train/model", t("training.no-runs.builder-link")));
        // The folder is code inside the sentence: the sentence is split around it by a marker, not glued.
        String[] around = t("training.no-runs.where-saved", MARK).split(MARK, 2);
        Paragraph whereSaved = new Paragraph(around[0]);
        whereSaved.add(new Code(folder.toString()));
        whereSaved.add(around.length > 1 ? around[1] : "");
        // The command saves under ./runs by default; name the folder when the app reads another one.
        boolean defaultFolder = folder.equals(Path.of("runs").toAbsolutePath().normalize());
        Pre command = new Pre(String.join(" ", "java", "-jar", "convlab.jar", "train", "--preset", "keras-cnn", "--epochs", "3")
                + (defaultFolder ? "" : " --out " + folder.resolve("keras-cnn-first")));
        command.addClassName("code");
        add(new H2(t("training.no-runs.heading")), inApp, whereSaved, command);
    }
}
