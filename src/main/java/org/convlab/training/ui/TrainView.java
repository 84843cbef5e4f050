package org.convlab.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.convlab.base.ui.ComingSoon;

@Route("train")
@PageTitle("Train · ConvLab")
final class TrainView extends Main {

    TrainView() {
        Paragraph ready = new Paragraph("Ready now: ");
        ready.add(new Anchor("train/model", "the model builder →"));
        ready.addClassName("page");
        add(ready, new ComingSoon("Train",
                "Build a convolutional network and train it on Fashion-MNIST, live.",
                "A model builder: start from a preset or from scratch, with shapes and parameter counts as you edit",
                "Hyperparameters with a sentence on what each one does, and an augmentation preview",
                "A live dashboard: progress and time left, loss and accuracy curves, images per second, Cancel",
                "Training on the processor, or on an NVIDIA GPU where there is one"));
    }
}
