package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.convlab.account.AccountException;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.convlab.account.AuditEvent;
import org.convlab.account.AuditLog;
import org.convlab.classroom.AccountCare;
import org.convlab.classroom.AccountService;
import org.convlab.classroom.BudgetSettings;
import org.convlab.training.queue.RunBudget;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.classroom.NewAccount;
import org.convlab.account.ClassroomOnly;

/**
 * The admin creates teacher accounts, sees every account on this server, resets teachers' and
 * learners' passwords, disables and enables accounts, and reads the audit log of account care.
 */
@ClassroomOnly
@Route("admin")
@PageTitle("Admin · ConvLab")
@RolesAllowed("ADMIN")
final class AdminView extends Main {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Name");
    final PasswordField password = new PasswordField("First password");
    final Button createTeacher = new Button("Create teacher account");
    final Paragraph result = new Paragraph();
    final Grid<AppUser> users = new Grid<>();
    final Paragraph problem = new Paragraph();
    final Grid<AuditEvent> audit = new Grid<>();
    /** Where a confirmation or a first password is shown; the last one is kept so tests can read it. */
    final Div dialogArea = new Div();
    Confirmation dialog;
    /** The server's default run budget (docs/decisions/014). */
    final BudgetForm budget;

    private final AccountService accounts;
    private final BudgetSettings budgetSettings;
    private final AccountCare care;
    private final AuditLog auditLog;
    private final AppUser admin;

    AdminView(AccountService accounts, AccountCare care, AuditLog auditLog, BudgetSettings budgetSettings,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.budgetSettings = budgetSettings;
        this.budget = new BudgetForm("Save default run budget", "the start value from the server's configuration",
                this::saveBudget);
        this.care = care;
        this.auditLog = auditLog;
        this.admin = currentUser.require();
        addClassNames("page", "admin-page");

        username.setHelperText("3 to 32 lowercase letters, digits, dots, dashes or underscores");
        displayName.setHelperText("For example Ms Rivera");
        password.setHelperText("Leave empty and ConvLab makes one up");
        createTeacher.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createTeacher.addClickListener(e -> createTeacher());
        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        FormLayout form = new FormLayout(username, displayName, password);
        form.setMaxWidth("48em");

        users.addColumn(AppUser::getUsername).setHeader("Username").setAutoWidth(true).setSortable(true);
        users.addColumn(AppUser::getDisplayName).setHeader("Name").setAutoWidth(true).setSortable(true);
        users.addColumn(u -> u.getRole().name().toLowerCase(Locale.ROOT)).setHeader("Role").setAutoWidth(true)
                .setSortable(true);
        users.addColumn(u -> DAY.format(u.getCreatedAt())).setHeader("Created").setAutoWidth(true);
        users.addColumn(AdminView::status).setHeader("Status").setAutoWidth(true);
        users.addComponentColumn(this::userActions).setHeader("").setAutoWidth(true);
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        users.setAllRowsVisible(true);
        users.addClassName("users-table");

        problem.addClassName("callout-error");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        audit.addColumn(e -> DAY.format(e.getHappenedAt())).setHeader("When").setAutoWidth(true);
        audit.addColumn(AuditEvent::getActor).setHeader("Who").setAutoWidth(true);
        audit.addColumn(e -> e.getAction().words()).setHeader("Did").setAutoWidth(true);
        audit.addColumn(AuditEvent::getTarget).setHeader("To whom or what").setAutoWidth(true);
        audit.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        audit.addClassName("audit-table");

        add(new H1("Admin"), new H2("New teacher"),
                new Paragraph("Teachers create classes and add their learners. Hand the teacher the username and "
                        + "the first password."),
                form, createTeacher, result, new H2("Accounts"),
                new Paragraph("A disabled account cannot sign in, and its open sessions stop at once. A reset "
                        + "password is shown once and must be changed at the next sign-in."),
                problem, dialogArea, users, new H2("Run budget"),
                new Paragraph("What a learner's runs may use on this shared server unless their teacher sets their "
                        + "class's own: the most images × epochs one run may use, and the most runs one learner may "
                        + "have waiting. A run beyond it is refused before it is queued, with what to change. "
                        + "Teachers and admins have no limit."),
                budget, new H2("Audit log"),
                new Paragraph("Password changes and resets, learners removed, classes renamed or deleted, run budgets "
                        + "set, accounts disabled or enabled; the newest " + AuditLog.SHOWN + ", newest first."),
                audit);
        showBudget();
        refresh();
    }

    void createTeacher() {
        try {
            NewAccount teacher = accounts.createTeacher(admin, username.getValue(), displayName.getValue(),
                    password.getValue());
            result.setText("Created the teacher account " + teacher.username() + " with the first password "
                    + teacher.password() + ". It is shown only now.");
            result.setClassName("callout-success");
            username.clear();
            displayName.clear();
            password.clear();
            refresh();
        } catch (AccountException e) {
            result.setText(e.getMessage());
            result.setClassName("callout-error");
        }
        result.setVisible(true);
    }

    private void showBudget() {
        BudgetSettings.Defaults defaults = budgetSettings.defaults();
        budget.show(defaults.maxImageEpochs(), defaults.maxWaitingRuns(), defaults.startValues(), "start value");
    }

    /** Saves the server's defaults; returns what applies now. */
    String saveBudget(String imageEpochs, String waitingRuns) {
        RunBudget now = budgetSettings.setServerDefaults(admin, imageEpochs, waitingRuns);
        showBudget();
        refresh();
        return "Saved. Learners whose class sets nothing else may now use " + BudgetForm.describe(now) + ".";
    }

    private static String status(AppUser user) {
        if (user.isDisabled()) {
            return "disabled";
        }
        return user.isMustChangePassword() ? "must change password" : "active";
    }

    private HorizontalLayout userActions(AppUser user) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!user.isAdmin()) {
            Button reset = new Button("Reset password", e -> open(AccountDialogs.confirmReset(user,
                    () -> resetPassword(user))));
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            reset.setAriaLabel("Reset the password of " + user.getUsername());
            actions.add(reset);
        }
        if (!user.getId().equals(admin.getId())) {
            Button toggle = new Button(user.isDisabled() ? "Enable" : "Disable",
                    e -> setDisabled(user, !user.isDisabled()));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            toggle.setAriaLabel((user.isDisabled() ? "Enable " : "Disable ") + user.getUsername());
            if (!user.isDisabled()) {
                toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(toggle);
        }
        return actions;
    }

    void resetPassword(AppUser user) {
        try {
            open(AccountDialogs.firstPassword(care.resetPassword(admin, user.getId())));
            problem.setVisible(false);
            refresh();
        } catch (AccountException e) {
            problem(e.getMessage());
        }
    }

    void setDisabled(AppUser user, boolean disabled) {
        try {
            care.setDisabled(admin, user.getId(), disabled);
            problem.setVisible(false);
            refresh();
        } catch (AccountException e) {
            problem(e.getMessage());
        }
    }

    private void problem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private void open(Confirmation opened) {
        dialog = opened;
        dialogArea.removeAll();
        dialogArea.add(opened);
        opened.scrollIntoView();
    }

    private void refresh() {
        users.setItems(accounts.allUsers());
        audit.setItems(auditLog.newest(admin));
    }
}
