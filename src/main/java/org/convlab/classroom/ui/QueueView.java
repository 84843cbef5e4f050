package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.RunAccess;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.engine.RunState;
import org.convlab.account.ClassroomOnly;

/**
 * The training queue as a teacher sees it: their learners' runs that are training or waiting, in
 * the order they will be served, with a button to move a run to the front or cancel it. Refreshed
 * every two seconds.
 */
@ClassroomOnly
@Route("classroom/queue")
@RolesAllowed({"TEACHER", "ADMIN"})
final class QueueView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.queue.title"));
    }


    final Grid<RunJob> table = new Grid<>();
    final Paragraph summary = new Paragraph();

    private final RunQueue queue;
    private final RunAccess access;
    private final AppUserRepository users;
    private final AppUser me;
    private Map<Long, String> names = Map.of();
    private com.vaadin.flow.shared.Registration polling;

    QueueView(RunQueue queue, RunAccess access, AppUserRepository users, CurrentUser current) {
        this.queue = queue;
        this.access = access;
        this.users = users;
        this.me = current.require();
        addClassNames("page", "queue-page");
        table.addColumn(run -> names.getOrDefault(run.getOwnerId(), "?")).setHeader(t("classroom.gradebook.learner")).setFlexGrow(1);
        table.addComponentColumn(run -> new Anchor("train/live/" + run.getId(), run.getName())).setHeader(t("classroom.assignment.column.run")).setFlexGrow(2);
        table.addColumn(QueueView::state).setHeader(t("classroom.queue.state")).setFlexGrow(2);
        table.addColumn(run -> run.getWorker() == null ? "" : run.getWorker()).setHeader(t("classroom.queue.worker"));
        // The buttons keep their width; names and states wrap instead of being cut on a tablet.
        table.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        table.setAllRowsVisible(true);
        add(new H1(t("classroom.queue.title")), new Paragraph(t("classroom.queue.intro")),
                summary, table);
        refresh();
    }

    private static String state(RunJob run) {
        return switch (run.getStatus()) {
            case QUEUED -> run.isPaused()
                    ? t("classroom.queue.paused", run.getEpochsDone(), run.getEpochsTotal())
                    : t("classroom.queue.waiting");
            case RUNNING -> t("classroom.progress.run.running", Math.min(run.getEpochsDone() + 1, run.getEpochsTotal()),
                    run.getEpochsTotal());
            case EVALUATING -> t("classroom.queue.evaluating");
            default -> run.getStatus().name().toLowerCase(Locale.ROOT);
        };
    }

    private Div actions(RunJob run) {
        Div actions = new Div();
        if (run.getStatus() == RunState.QUEUED) {
            Button front = new Button(t("classroom.queue.to-front"), VaadinIcon.ARROW_UP.create(), e -> moveToFront(run));
            front.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(front);
        }
        Button cancel = new Button(t("classroom.confirm.cancel"), VaadinIcon.STOP.create(), e -> {
            access.cancel(run.getId());
            refresh();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(cancel);
        return actions;
    }

    void moveToFront(RunJob run) {
        access.moveToFront(run.getId());
        refresh();
    }

    void refresh() {
        List<RunJob> visible = queue.queue().stream().filter(run -> access.canView(me, run)).toList();
        names = users.findAllById(visible.stream().map(RunJob::getOwnerId).distinct().toList()).stream()
                .collect(Collectors.toMap(AppUser::getId, AppUser::getDisplayName, (a, b) -> a));
        table.setItems(visible);
        long waiting = visible.stream().filter(r -> r.getStatus() == RunState.QUEUED).count();
        summary.setText(visible.isEmpty() ? t("classroom.queue.empty")
                : t("classroom.queue.summary", visible.size() - waiting, waiting));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(2000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
        super.onDetach(event);
    }
}
