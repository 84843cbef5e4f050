package org.convlab.training.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import org.convlab.training.queue.RunJob;

/** The learner's runs that are waiting or training, each linking to its live dashboard. */
final class InProgressRuns extends Div {

    InProgressRuns(List<RunJob> runs) {
        addClassName("in-progress-runs");
        UnorderedList list = new UnorderedList();
        for (RunJob run : runs) {
            String state = switch (run.getStatus()) {
                case QUEUED -> "waiting in the queue";
                case RUNNING -> "training, epoch " + Math.min(run.getEpochsDone() + 1, run.getEpochsTotal()) + " of " + run.getEpochsTotal();
                case EVALUATING -> "measuring on the test images";
                default -> run.getStatus().name().toLowerCase(Locale.ROOT);
            };
            list.add(new ListItem(new Anchor("train/live/" + run.getId(), run.getName()), new Span(" · " + state)));
        }
        add(new H2("In progress"), list);
    }
}
