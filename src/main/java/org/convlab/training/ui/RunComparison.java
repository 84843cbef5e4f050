package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.training.engine.RunRecord;
import org.convlab.training.queue.TrainingService.SavedRun;

/** Two or more runs side by side: their learning curves overlaid, then their confusion matrices. */
final class RunComparison extends Div {

    final LearningCurves curves;
    final Div matrices = new Div();

    RunComparison(List<SavedRun> runs) {
        this(runs, run -> null);
    }

    /** @param datasetName the name of the data set each run trained on; null leaves it out */
    RunComparison(List<SavedRun> runs, java.util.function.Function<SavedRun, String> datasetName) {
        addClassName("run-comparison");
        Map<String, RunRecord> labelled = new LinkedHashMap<>();
        Map<String, String> trainedOn = new LinkedHashMap<>();
        runs.forEach(run -> {
            String label = label(run, labelled);
            labelled.put(label, run.record());
            trainedOn.put(label, datasetName.apply(run));
        });
        curves = new LearningCurves(labelled);
        matrices.addClassName("side-by-side");
        labelled.forEach((label, record) -> {
            String accuracy = RunText.percent(record.metrics().testAccuracy());
            String heading = trainedOn.get(label) == null ? t("training.compare.panel", label, accuracy)
                    : t("training.compare.panel-on", label, trainedOn.get(label), accuracy);
            Div panel = new Div(new H3(heading),
                    new ConfusionMatrixPanel(record.classNames(), record.metrics().confusionMatrix(), false));
            panel.addClassName("panel");
            matrices.add(panel);
        });
        add(new PageSection(t("training.compare.curves"), t("training.compare.curves-text"), curves),
                new PageSection(t("training.compare.matrices"), t("training.compare.matrices-text"), matrices));
    }

    /** The model name and date; runs that would share a label get their folder name instead. */
    private static String label(SavedRun run, Map<String, RunRecord> taken) {
        String label = t("training.compare.label", RunText.runName(run), RunText.date(run.record().createdAt()));
        return taken.containsKey(label) ? run.id() : label;
    }
}
