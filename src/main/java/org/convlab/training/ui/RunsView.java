package org.convlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import static org.convlab.base.ui.I18n.t;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.convlab.training.queue.TrainingService;
import org.convlab.training.queue.TrainingService.SavedRun;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.RunUploads;

/**
 * Every saved run in one sortable table. Ticking two or more runs compares them below the table;
 * clicking a run opens its own page.
 */
@PermitAll
@Route("runs")
final class RunsView extends Main implements HasDynamicTitle {

    final RunsTable table;
    final Div comparison = new Div();
    /** "Upload a run (.zip)"; null only when nobody is signed in (the route is for signed-in users). */
    final RunUpload upload;
    private final RunAnalysisService analyses;
    /** Data set names by key, looked up once per page (the table asks again on every sort). */
    private final java.util.Map<String, String> datasetNames = new java.util.HashMap<>();

    RunsView(TrainingService training, RunAnalysisService analyses, RunQueue queue,
            CurrentUser current, RunUploads uploads) {
        this.analyses = analyses;
        addClassNames("page", "runs-page");
        add(new H1(t("training.runs.heading")));
        upload = current.get().map(user -> new RunUpload(uploads, user.getId())).orElse(null);
        current.get().ifPresent(user -> {
            List<RunJob> unfinished = queue.runsOf(user.getId()).stream()
                    .filter(r -> !r.getStatus().finished()).toList();
            if (!unfinished.isEmpty()) {
                add(new InProgressRuns(unfinished));
            }
        });
        List<SavedRun> runs = analyses.savedRuns();
        if (runs.isEmpty()) {
            table = null;
            add(new NoRunsYet(training.runsDir()));
            if (upload != null) {
                add(upload);
            }
            return;
        }
        add(new Paragraph(t("training.runs.intro")));
        table = new RunsTable(runs, this::datasetName);
        table.addSelectionListener(e -> compare(List.copyOf(e.getAllSelectedItems())));
        table.addItemClickListener(e -> {
            // The model column is a link and the selection column a checkbox: both handle their own clicks.
            if (e.getColumn() != null && !"model".equals(e.getColumn().getKey())) {
                open(e.getItem());
            }
        });
        comparison.addClassName("comparison");
        comparison.add(hint(runs.size() >= 2));
        add(table, comparison);
        if (upload != null) {
            add(upload);
        }
    }

    private void compare(List<SavedRun> selected) {
        comparison.removeAll();
        if (selected.size() < 2) {
            comparison.add(hint(true));
            return;
        }
        // Keep the table's order (newest first), not the order of ticking.
        comparison.add(new RunComparison(inTableOrder(selected), this::datasetName));
    }

    private String datasetName(SavedRun run) {
        var hp = run.record().hyperparameters();
        return datasetNames.computeIfAbsent(hp == null || hp.dataset() == null ? "" : hp.dataset(),
                key -> analyses.datasetName(hp));
    }

    private List<SavedRun> inTableOrder(List<SavedRun> selected) {
        return table.getListDataView().getItems().filter(selected::contains).toList();
    }

    private static Paragraph hint(boolean canCompare) {
        Paragraph hint = new Paragraph(t(!canCompare ? "training.runs.train-second" : "training.runs.tick-to-compare"));
        hint.addClassName("muted");
        return hint;
    }

    @Override
    public String getPageTitle() {
        return t("training.runs.page-title");
    }

    private void open(SavedRun run) {
        getUI().ifPresent(ui -> ui.navigate(RunView.class, new RouteParameters("id", run.id())));
    }
}
