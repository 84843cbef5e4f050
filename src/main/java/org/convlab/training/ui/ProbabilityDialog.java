package org.convlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.Evaluation.Misclassified;

/** One wrong prediction up close: the image and the model's probability for each class. */
final class ProbabilityDialog extends Dialog {

    final Chart probabilities = new Chart("The model's probability for each class");

    ProbabilityDialog(Misclassified m, LayerShape shape, List<String> classNames, IntConsumer lookInside) {
        setHeaderTitle("Test image #" + m.index() + ": " + m.expectedName() + ", taken for " + m.predictedName());
        addClassName("probability-dialog");
        List<Double> percents = new ArrayList<>();
        for (float p : m.probabilities()) {
            percents.add(Math.round(p * 1000) / 10.0);
        }
        probabilities.setConfig(ChartConfig.bar(classNames).series("probability (%)", percents)
                .axes(null, "probability (%)"));
        probabilities.setHeight("260px");
        PixelImage image = Pictures.of(m.pixels(), shape, m.expectedName() + ", test image #" + m.index());
        image.addClassName("large");
        Div body = new Div(image, probabilities);
        body.addClassName("probability-body");
        add(body, new Paragraph(String.format(Locale.ROOT,
                "The model gave %s %.1f%% and the right answer, %s, %.1f%%. The bars add up to 100%%: "
                        + "softmax turns the network's ten scores into probabilities.",
                m.predictedName(), m.probabilities()[m.predicted()] * 100, m.expectedName(),
                m.probabilities()[m.expected()] * 100)));

        Button inside = new Button("Look inside the network with this image", VaadinIcon.SEARCH.create(), e -> {
            close();
            lookInside.accept(m.index());
        });
        inside.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Close", e -> close());
        getFooter().add(close, inside);
    }
}
