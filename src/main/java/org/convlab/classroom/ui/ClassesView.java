package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.convlab.classroom.ImportProgress;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.convlab.account.AccountException;
import org.convlab.classroom.AccountCare;
import org.convlab.classroom.AccountService;
import org.convlab.classroom.BudgetSettings;
import org.convlab.classroom.ClassBudgets;
import org.convlab.training.queue.RunBudget;
import com.vaadin.flow.component.html.H3;
import org.convlab.classroom.ClassDeletion;
import org.convlab.account.AppUser;
import org.convlab.classroom.ClassRoster;
import org.convlab.account.CurrentUser;
import org.convlab.classroom.NewAccount;
import org.convlab.classroom.SchoolClass;
import java.util.concurrent.Executor;
import org.convlab.classroom.ImportCancelledException;
import java.util.Locale;
import org.convlab.account.ClassroomOnly;

/**
 * A teacher's classes: create one (it gets a join code to hand out), see who is in each, and add a
 * whole class list from a CSV file. The first passwords of accounts made from a file are shown once
 * and offered as a CSV download, because they are stored only hashed.
 */
@ClassroomOnly
@Route("classroom/classes")
@RolesAllowed({"TEACHER", "ADMIN"})
final class ClassesView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.overview.your-classes"));
    }


    static final int MAX_CSV_BYTES = 100 * 1024;

    final TextField newClassName = new TextField(t("classroom.classes.new"));
    final Button createClass = new Button(t("classroom.classes.create"), VaadinIcon.PLUS.create());
    final Grid<ClassRoster> classes = new Grid<>();
    final Div details = new Div();
    final Grid<AppUser> members = new Grid<>();
    final Upload upload = new Upload(UploadHandler.inMemory(
            (metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> importCsv(bytes)))));
    final Paragraph problem = new Paragraph();
    final Div created = new Div();
    final Grid<NewAccount> createdAccounts = new Grid<>();
    /** Shown while a class list is being added: a bar, a count with the time left, and Cancel. */
    final Div importing = new Div();
    final ProgressBar importBar = new ProgressBar();
    final Span importText = new Span();
    final Button cancelImport = new Button(t("classroom.confirm.cancel"));
    /**
     * Imports run on a thread of their own, not in the common fork-join pool: the hashing inside
     * uses that pool, which on a 2-core machine has one thread, and a task already holding it would
     * leave the hashing nothing to run on in parallel.
     */
    private static final Executor IMPORT_THREAD =
            task -> Thread.ofPlatform().name("convlab-class-list-import").daemon(true).start(task);
    /** The import under way (done when none is), so tests can wait for it. */
    CompletableFuture<Void> pendingImport = CompletableFuture.completedFuture(null);
    private final AtomicBoolean importCancelled = new AtomicBoolean();

    /** Renaming and deleting the selected class, in its details. */
    final TextField renameField = new TextField(t("classroom.classes.name"));
    final Button rename = new Button(t("classroom.classes.rename"));
    final Button deleteClass = new Button(t("classroom.classes.delete"), VaadinIcon.TRASH.create());
    /** What happened to a class that is no longer shown (deleted). */
    final Paragraph notice = new Paragraph();
    /** Where a confirmation or a first password is shown; the last one is kept so tests can read it. */
    final Div dialogArea = new Div();
    Confirmation dialog;

    /** The selected class's run budget (docs/decisions/014). */
    final BudgetForm budget;

    private final AccountService accounts;
    private final AccountCare care;
    private final BudgetSettings budgetSettings;
    private final ClassBudgets budgets;
    private final AppUser teacher;
    private SchoolClass selected;
    private List<ClassRoster> rosters = List.of();

    ClassesView(AccountService accounts, AccountCare care, BudgetSettings budgetSettings, ClassBudgets budgets,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.care = care;
        this.budgetSettings = budgetSettings;
        this.budgets = budgets;
        this.teacher = currentUser.require();
        this.budget = new BudgetForm(t("classroom.classes.budget.save"), t("classroom.classes.budget.empty"), this::saveBudget);
        addClassNames("page", "classes-page");

        newClassName.setPlaceholder(t("classroom.classes.new.placeholder"));
        createClass.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createClass.addClickListener(e -> createClass());
        HorizontalLayout create = new HorizontalLayout(newClassName, createClass);
        create.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        classes.addColumn(r -> r.schoolClass().getName()).setHeader(t("classroom.editor.class")).setAutoWidth(true);
        classes.addColumn(r -> r.schoolClass().getJoinCode()).setHeader(t("classroom.classes.join-code")).setAutoWidth(true);
        classes.addColumn(r -> r.members().size()).setHeader(t("classroom.classes.learners")).setAutoWidth(true);
        classes.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        classes.setAllRowsVisible(true);
        classes.addClassName("classes-table");
        classes.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue().schoolClass());
            }
        });

        members.addColumn(AppUser::getDisplayName).setHeader(t("classroom.classes.column.name")).setAutoWidth(true);
        members.addColumn(AppUser::getUsername).setHeader(t("account.login.username")).setAutoWidth(true);
        members.addComponentColumn(this::memberActions).setHeader("").setAutoWidth(true);
        members.setAllRowsVisible(true);
        members.addClassName("members-table");

        upload.setMaxFileSize(MAX_CSV_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        // The upload's own words (Vaadin writes them in English); the rest of its defaults stay.
        upload.setI18n(new com.vaadin.flow.component.upload.UploadI18N()
                .setDropFiles(new com.vaadin.flow.component.upload.UploadI18N.DropFiles()
                        .setOne(t("classroom.classes.upload.drop")).setMany(t("classroom.classes.upload.drop")))
                .setError(new com.vaadin.flow.component.upload.UploadI18N.Error()
                        .setTooManyFiles(t("classroom.classes.upload.too-many"))
                        .setFileIsTooBig(t("classroom.classes.upload.too-big"))
                        .setIncorrectFileType(t("classroom.classes.upload.not-csv"))));
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button(t("classroom.classes.upload"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(e -> problem(t("classroom.classes.upload.rejected", e.getErrorMessage())));
        upload.addClassName("learners-upload");
        problem.addClassName("callout-error");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        createdAccounts.addColumn(NewAccount::displayName).setHeader(t("classroom.classes.column.name")).setAutoWidth(true);
        createdAccounts.addColumn(NewAccount::username).setHeader(t("account.login.username")).setAutoWidth(true);
        createdAccounts.addColumn(NewAccount::password).setHeader(t("classroom.classes.column.first-password")).setAutoWidth(true);
        createdAccounts.setAllRowsVisible(true);
        created.addClassName("created-accounts");
        created.setVisible(false);

        importBar.setIndeterminate(true);
        importText.addClassName("muted");
        cancelImport.addClickListener(e -> {
            importCancelled.set(true);
            cancelImport.setEnabled(false);
            importText.setText(t("classroom.classes.import.cancelling"));
        });
        importBar.getElement().setAttribute("aria-label", t("classroom.classes.import.label"));
        importing.add(importText, importBar, cancelImport);
        importing.addClassName("import-progress");
        importing.setVisible(false);

        rename.addClickListener(e -> renameClass());
        deleteClass.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteClass.addClickListener(e -> askToDeleteClass());
        notice.addClassName("callout-success");
        notice.getElement().setAttribute("role", "status");
        notice.setVisible(false);

        details.addClassName("class-details");
        details.setVisible(false);

        add(new H1(t("classroom.overview.your-classes")), new Paragraph(t("classroom.classes.intro")),
                create, notice, classes, details);
        refresh();
    }

    void createClass() {
        try {
            SchoolClass schoolClass = accounts.createClass(teacher, newClassName.getValue());
            newClassName.clear();
            refresh();
            select(schoolClass.getId());
            problem.setVisible(false);
        } catch (AccountException e) {
            newClassName.setInvalid(true);
            newClassName.setErrorMessage(org.convlab.base.ui.I18n.message(e));
        }
    }

    /** Reads a class list; a bad file adds nobody and says which lines to fix. */
    void importCsv(byte[] bytes) {
        if (selected == null) {
            return;
        }
        // The outcome is said below; a file listed with a tick would look accepted even when it was not.
        upload.clearFileList();
        created.setVisible(false);
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            problem(t("classroom.classes.import.not-utf8"));
            return;
        }
        // Creating accounts takes a while for a long list (each password is hashed on purpose
        // slowly), so it runs off the request thread; the page shows how far it got and can stop it.
        UI ui = UI.getCurrent();
        SchoolClass target = selected;
        importCancelled.set(false);
        cancelImport.setEnabled(true);
        importText.setText(t("classroom.classes.import.checking"));
        importBar.setIndeterminate(true);
        importing.setVisible(true);
        upload.setVisible(false);
        problem.setVisible(false);
        ImportProgress progress = new ImportProgress() {
            private volatile int shownPercent = -1;
            private volatile long started;

            @Override
            public void checked(int total) {
                started = System.nanoTime();
                ui.access(() -> {
                    importBar.setIndeterminate(false);
                    importBar.setValue(0);
                    importText.setText(t("classroom.classes.import.creating", total));
                });
            }

            @Override
            public void accountsReady(int done, int total) {
                int percent = 100 * done / total;
                if (percent != shownPercent) {
                    shownPercent = percent;
                    // The time left is timed from the first account, not from the upload: checking the
                    // list first would make the early estimates far too long.
                    double left = (System.nanoTime() - started) / 1e9 / done * (total - done);
                    ui.access(() -> showImportProgress(done, total, left));
                }
            }

            @Override
            public boolean cancelled() {
                return importCancelled.get();
            }
        };
        pendingImport = CompletableFuture.runAsync(() -> {
            try {
                List<NewAccount> added = accounts.importLearners(teacher, target, text.get(), progress);
                ui.access(() -> {
                    importFinished();
                    showCreated(added);
                    refresh();
                    select(target.getId());
                });
            } catch (AccountException e) {
                ui.access(() -> {
                    importFinished();
                    problem(e instanceof ImportCancelledException ? org.convlab.base.ui.I18n.message(e)
                            : t("classroom.classes.import.nobody", e.problemTexts().stream()
                                    .map(org.convlab.base.ui.I18n::t).collect(java.util.stream.Collectors.joining(" "))));
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    importFinished();
                    problem(t("classroom.classes.import.failed", e.getMessage()));
                });
            }
        }, IMPORT_THREAD);
    }

    private void showImportProgress(int done, int total, double secondsLeft) {
        importBar.setIndeterminate(false);
        importBar.setValue((double) done / total);
        if (!importCancelled.get()) {
            importText.setText(t("classroom.classes.import.progress", done, total, Math.round(Math.ceil(secondsLeft))));
        }
    }

    private void importFinished() {
        importing.setVisible(false);
        upload.setVisible(true);
    }

    private void show(SchoolClass schoolClass) {
        selected = schoolClass;
        notice.setVisible(false);
        problem.setVisible(false);
        ClassRoster roster = accounts.roster(teacher, schoolClass);
        members.setItems(roster.members());
        details.removeAll();
        Paragraph code = new Paragraph(t("classroom.classes.join-code.label") + " ");
        code.add(new Code(schoolClass.getJoinCode()));
        code.addClassName("join-code");
        Paragraph format = new Paragraph(t("classroom.classes.format"));
        // The header line is code (LearnerCsv reads it in every language); the example learners are not.
        Pre example = new Pre("username,display_name,password" + "\n" + t("classroom.classes.format.example"));
        renameField.setValue(schoolClass.getName());
        renameField.setInvalid(false);
        HorizontalLayout manage = new HorizontalLayout(renameField, rename, deleteClass);
        manage.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        manage.addClassName("class-manage");
        dialogArea.removeAll();
        budget.show(schoolClass.getMaxImageEpochs(), schoolClass.getMaxWaitingRuns(), budgets.serverDefaults(),
                t("classroom.classes.budget.server-default"));
        budget.result.setVisible(false);
        details.add(new H2(schoolClass.getName()), code, manage, dialogArea,
                roster.members().isEmpty() ? new Paragraph(t("classroom.classes.no-learners")) : members,
                format, example, upload, importing, problem, created, budgetSection());
        details.setVisible(true);
    }

    private Div budgetSection() {
        Div section = new Div(new H3(t("classroom.classes.budget")), new Paragraph(t("classroom.classes.budget.intro")), budget);
        section.addClassName("class-budget");
        return section;
    }

    /** Saves the selected class's budget; returns what applies now. */
    String saveBudget(String imageEpochs, String waitingRuns) {
        SchoolClass saved = budgetSettings.setClassBudget(teacher, selected.getId(), imageEpochs, waitingRuns);
        selected = saved;
        RunBudget server = budgets.serverDefaults();
        budget.show(saved.getMaxImageEpochs(), saved.getMaxWaitingRuns(), server,
                t("classroom.classes.budget.server-default"));
        return t("classroom.classes.budget.saved", saved.getName(), BudgetForm.describe(ClassBudgets.of(saved, server)));
    }

    private HorizontalLayout memberActions(AppUser learner) {
        Button reset = new Button(t("classroom.reset.confirm"), e -> open(AccountDialogs.confirmReset(learner,
                () -> resetPassword(learner))));
        Button remove = new Button(t("classroom.classes.remove"), e -> askToRemove(learner));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        // Each row's buttons say whose they are, for screen readers.
        reset.setAriaLabel(t("classroom.classes.reset.label", learner.getUsername()));
        remove.setAriaLabel(t("classroom.classes.remove.label", learner.getUsername()));
        return new HorizontalLayout(reset, remove);
    }

    void resetPassword(AppUser learner) {
        try {
            open(AccountDialogs.firstPassword(care.resetPassword(teacher, learner.getId())));
        } catch (AccountException e) {
            refused(org.convlab.base.ui.I18n.message(e));
        }
    }

    void askToRemove(AppUser learner) {
        Confirmation confirm = Confirmation.ask(
                t("classroom.classes.remove.question", learner.getDisplayName(), selected.getName()),
                t("classroom.classes.remove.explained"), t("classroom.classes.remove.confirm"), true,
                () -> removeLearner(learner));
        open(confirm);
    }

    void removeLearner(AppUser learner) {
        try {
            care.removeLearner(teacher, selected.getId(), learner.getId());
            refresh();
            select(selected.getId());
        } catch (AccountException e) {
            refused(org.convlab.base.ui.I18n.message(e));
        }
    }

    void renameClass() {
        try {
            SchoolClass renamed = care.renameClass(teacher, selected.getId(), renameField.getValue());
            refresh();
            select(renamed.getId());
            show(renamed);
        } catch (AccountException e) {
            renameField.setInvalid(true);
            renameField.setErrorMessage(org.convlab.base.ui.I18n.message(e));
        }
    }

    /** Says exactly what deleting would do, or why this class is not deleted. */
    void askToDeleteClass() {
        try {
            ClassDeletion deletion = care.deletion(teacher, selected.getId());
            if (!deletion.allowed()) {
                refused(t(AccountCare.notDeleted(deletion)));
                return;
            }
            Confirmation confirm = Confirmation.ask(t("classroom.classes.delete.question", deletion.name()),
                    deletionText(deletion), t("classroom.classes.delete"), true, this::deleteClass);
            open(confirm);
        } catch (AccountException e) {
            refused(org.convlab.base.ui.I18n.message(e));
        }
    }

    static String deletionText(ClassDeletion deletion) {
        String assignments = deletion.assignments() == 0 ? t("classroom.classes.delete.no-assignments")
                : org.convlab.base.ui.I18n.count("classroom.classes.delete.assignments", deletion.assignments());
        String learners = deletion.learners() == 0 ? t("classroom.classes.delete.no-learners")
                : org.convlab.base.ui.I18n.count("classroom.classes.delete.learners", deletion.learners());
        return t("classroom.classes.delete.explained", deletion.joinCode(), assignments, learners);
    }

    void deleteClass() {
        try {
            String name = selected.getName();
            care.deleteClass(teacher, selected.getId());
            selected = null;
            details.setVisible(false);
            refresh();
            notice.setText(t("classroom.classes.deleted", name));
            notice.setVisible(true);
        } catch (AccountException e) {
            refused(org.convlab.base.ui.I18n.message(e));
        }
    }

    /** A refused change, said beside the buttons that asked for it. */
    private void refused(String message) {
        Paragraph line = new Paragraph(message);
        line.addClassName("callout-error");
        line.getElement().setAttribute("role", "alert");
        open(Confirmation.notice(t("classroom.classes.unchanged"), line));
    }

    private void open(Confirmation opened) {
        dialog = opened;
        dialogArea.removeAll();
        dialogArea.add(opened);
        opened.scrollIntoView();
    }

    private void showCreated(List<NewAccount> accounts) {
        createdAccounts.setItems(accounts);
        byte[] csv = AccountService.accountsCsv(accounts).getBytes(StandardCharsets.UTF_8);
        String fileName = "accounts-" + selected.getJoinCode().toLowerCase(Locale.ROOT) + ".csv";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csv), fileName, "text/csv", csv.length)), "");
        download.add(new Button(t("classroom.classes.download"), VaadinIcon.DOWNLOAD.create()));
        download.addClassName("accounts-download");
        created.removeAll();
        created.add(new Paragraph(org.convlab.base.ui.I18n.count("classroom.classes.added", accounts.size())),
                download, createdAccounts);
        created.setVisible(true);
    }

    private void problem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private void refresh() {
        rosters = accounts.rosters(teacher);
        classes.setItems(rosters);
    }

    /** Selects a class in the table, which shows its details. */
    private void select(Long id) {
        rosters.stream().filter(r -> r.schoolClass().getId().equals(id)).findFirst().ifPresent(classes::select);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
