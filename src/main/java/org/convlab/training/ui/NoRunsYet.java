package org.convlab.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.nio.file.Path;

/** The Runs page before anything was trained: how to make a first run, in the app or on the command line. */
final class NoRunsYet extends Div {

    NoRunsYet(Path runsDir) {
        addClassName("no-runs");
        Path folder = runsDir.toAbsolutePath().normalize();
        Paragraph inApp = new Paragraph("Build a model, then train it: ");
        inApp.add(new Anchor("train/model", "open the model builder →"));
        Paragraph whereSaved = new Paragraph("Finished runs are saved in ");
        whereSaved.add(new Code(folder.toString()));
        whereSaved.add(" and show up here. Runs trained on the command line, with the same jar, show up for the "
                + "admin account the next time the app starts:");
        // The command saves under ./runs by default; name the folder when the app reads another one.
        boolean defaultFolder = folder.equals(Path.of("runs").toAbsolutePath().normalize());
        Pre command = new Pre("java -jar convlab.jar train --preset keras-cnn --epochs 3"
                + (defaultFolder ? "" : " --out " + folder.resolve("keras-cnn-first")));
        command.addClassName("code");
        add(new H2("No runs yet"), inApp, whereSaved, command);
    }
}
