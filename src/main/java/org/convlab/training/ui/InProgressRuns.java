package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.convlab.training.queue.RunJob;

/** The learner's runs that are waiting or training, each linking to its live dashboard. */
final class InProgressRuns extends Div {

    InProgressRuns(List<RunJob> runs) {
        addClassName("in-progress-runs");
        UnorderedList list = new UnorderedList();
        for (RunJob run : runs) {
            String state = switch (run.getStatus()) {
                case QUEUED -> t("training.in-progress.queued");
                case RUNNING -> t("training.in-progress.running", Math.min(run.getEpochsDone() + 1, run.getEpochsTotal()),
                        run.getEpochsTotal());
                case EVALUATING -> t("training.in-progress.evaluating");
                default -> RunText.status(run.getStatus());
            };
            list.add(new ListItem(new Anchor("train/live/" + run.getId(), run.getName()), new Span(" · " + state)));
        }
        add(new H2(t("training.in-progress.heading")), list);
    }
}
