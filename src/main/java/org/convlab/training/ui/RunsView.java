package org.convlab.training.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.convlab.base.ui.ComingSoon;

@Route("runs")
@PageTitle("Runs · ConvLab")
final class RunsView extends Main {

    RunsView() {
        add(new ComingSoon("Runs",
                "Every model you train, and a look inside each one.",
                "Test accuracy and loss, the confusion matrix, precision, recall and F1 per class",
                "The learned filters, feature maps of any image, and heatmaps of where the model looked",
                "The images the model gets wrong, with its probabilities",
                "Side-by-side comparisons and experiment grids, and your own drawings classified"));
    }
}
