package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.base.ui.I18n;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.ChartConfig;
import org.convlab.base.ui.PixelImage;
import org.convlab.model.LayerShape;
import org.convlab.training.engine.Evaluation.Misclassified;

/** One wrong prediction up close: the image and the model's probability for each class. */
final class ProbabilityDialog extends Dialog {

    final Chart probabilities = new Chart(t("training.probability.chart"));

    ProbabilityDialog(Misclassified m, LayerShape shape, List<String> classNames, IntConsumer lookInside) {
        setHeaderTitle(t("training.probability.title", String.valueOf(m.index()), m.expectedName(), m.predictedName()));
        addClassName("probability-dialog");
        List<Double> percents = new ArrayList<>();
        for (float p : m.probabilities()) {
            percents.add(Math.round(p * 1000) / 10.0);
        }
        probabilities.setConfig(ChartConfig.bar(classNames).series(t("training.probability.axis"), percents)
                .axes(null, t("training.probability.axis")));
        probabilities.setHeight("260px");
        PixelImage image = Pictures.of(m.pixels(), shape, t("training.probability.image", m.expectedName(), String.valueOf(m.index())));
        image.addClassName("large");
        Div body = new Div(image, probabilities);
        body.addClassName("probability-body");
        add(body, new Paragraph(t("training.probability.text", m.predictedName(),
                I18n.percent(m.probabilities()[m.predicted()], 1), m.expectedName(),
                I18n.percent(m.probabilities()[m.expected()], 1), I18n.percent(1, 0))));

        Button inside = new Button(t("training.probability.look-inside"), VaadinIcon.SEARCH.create(), e -> {
            close();
            lookInside.accept(m.index());
        });
        inside.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(t("training.probability.close"), e -> close());
        getFooter().add(close, inside);
    }
}
