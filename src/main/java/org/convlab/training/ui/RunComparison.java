package org.convlab.training.ui;

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
        addClassName("run-comparison");
        Map<String, RunRecord> labelled = new LinkedHashMap<>();
        runs.forEach(run -> labelled.put(label(run, labelled), run.record()));
        curves = new LearningCurves(labelled);
        matrices.addClassName("side-by-side");
        labelled.forEach((label, record) -> {
            Div panel = new Div(new H3(label + ": " + RunText.percent(record.metrics().testAccuracy())),
                    new ConfusionMatrixPanel(record.classNames(), record.metrics().confusionMatrix(), false));
            panel.addClassName("panel");
            matrices.add(panel);
        });
        add(new PageSection("Learning curves compared", "Each run's accuracy and loss per epoch, on its training "
                + "images and its validation images.", curves),
                new PageSection("Confusion matrices compared", "Rows are the true class, columns what each model "
                        + "said. Look for the cells that change: which confusions did a change fix?", matrices));
    }

    /** The model name and date; runs that would share a label get their folder name instead. */
    private static String label(SavedRun run, Map<String, RunRecord> taken) {
        String label = RunText.modelName(run.record()) + " (" + RunText.date(run.record().createdAt()) + ")";
        return taken.containsKey(label) ? run.id() : label;
    }
}
