package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

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
import com.vaadin.flow.router.HasDynamicTitle;
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
@RolesAllowed("ADMIN")
final class AdminView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("classroom.page-title", t("classroom.admin.title"));
    }


    /** "2026-03-03 14:00": ISO dates, which sort and read alike in every language. */
    private static final DateTimeFormatter DAY = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').appendPattern("HH:mm").toFormatter()
            .withZone(ZoneId.systemDefault());

    final TextField username = new TextField(t("account.login.username"));
    final TextField displayName = new TextField(t("classroom.classes.column.name"));
    final PasswordField password = new PasswordField(t("classroom.classes.column.first-password"));
    final Button createTeacher = new Button(t("classroom.admin.create-teacher"));
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
        this.budget = new BudgetForm(t("classroom.admin.budget.save"), t("classroom.admin.budget.empty"),
                this::saveBudget);
        this.care = care;
        this.auditLog = auditLog;
        this.admin = currentUser.require();
        addClassNames("page", "admin-page");

        username.setHelperText(t("classroom.register.username.help"));
        displayName.setHelperText(t("classroom.admin.name.help"));
        password.setHelperText(t("classroom.admin.password.help"));
        createTeacher.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createTeacher.addClickListener(e -> createTeacher());
        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        FormLayout form = new FormLayout(username, displayName, password);
        form.setMaxWidth("48em");

        users.addColumn(AppUser::getUsername).setHeader(t("account.login.username")).setAutoWidth(true).setSortable(true);
        users.addColumn(AppUser::getDisplayName).setHeader(t("classroom.classes.column.name")).setAutoWidth(true).setSortable(true);
        users.addColumn(u -> t("classroom.admin.role." + u.getRole().name().toLowerCase(Locale.ROOT))).setHeader(t("classroom.admin.role")).setAutoWidth(true)
                .setSortable(true);
        users.addColumn(u -> DAY.format(u.getCreatedAt())).setHeader(t("classroom.admin.created")).setAutoWidth(true);
        users.addColumn(AdminView::status).setHeader(t("classroom.admin.status")).setAutoWidth(true);
        users.addComponentColumn(this::userActions).setHeader("").setAutoWidth(true);
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        users.setAllRowsVisible(true);
        users.addClassName("users-table");

        problem.addClassName("callout-error");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);

        audit.addColumn(e -> DAY.format(e.getHappenedAt())).setHeader(t("classroom.admin.audit.when")).setAutoWidth(true);
        audit.addColumn(AuditEvent::getActor).setHeader(t("classroom.admin.audit.who")).setAutoWidth(true);
        audit.addColumn(e -> t(e.getAction().text())).setHeader(t("classroom.admin.audit.did")).setAutoWidth(true);
        audit.addColumn(AuditEvent::getTarget).setHeader(t("classroom.admin.audit.target")).setAutoWidth(true);
        audit.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        audit.addClassName("audit-table");

        add(new H1(t("classroom.admin.title")), new H2(t("classroom.admin.new-teacher")),
                new Paragraph(t("classroom.admin.new-teacher.intro")),
                form, createTeacher, result, new H2(t("classroom.admin.accounts")),
                new Paragraph(t("classroom.admin.accounts.intro")),
                problem, dialogArea, users, new H2(t("classroom.classes.budget")),
                new Paragraph(t("classroom.admin.budget.intro")),
                budget, new H2(t("classroom.admin.audit")),
                new Paragraph(t("classroom.admin.audit.intro", AuditLog.SHOWN)),
                audit);
        showBudget();
        refresh();
    }

    void createTeacher() {
        try {
            NewAccount teacher = accounts.createTeacher(admin, username.getValue(), displayName.getValue(),
                    password.getValue());
            result.setText(t("classroom.admin.created-teacher", teacher.username(), teacher.password()));
            result.setClassName("callout-success");
            username.clear();
            displayName.clear();
            password.clear();
            refresh();
        } catch (AccountException e) {
            result.setText(org.convlab.base.ui.I18n.message(e));
            result.setClassName("callout-error");
        }
        result.setVisible(true);
    }

    private void showBudget() {
        BudgetSettings.Defaults defaults = budgetSettings.defaults();
        budget.show(defaults.maxImageEpochs(), defaults.maxWaitingRuns(), defaults.startValues(), t("classroom.admin.budget.start-value"));
    }

    /** Saves the server's defaults; returns what applies now. */
    String saveBudget(String imageEpochs, String waitingRuns) {
        RunBudget now = budgetSettings.setServerDefaults(admin, imageEpochs, waitingRuns);
        showBudget();
        refresh();
        return t("classroom.admin.budget.saved", BudgetForm.describe(now));
    }

    private static String status(AppUser user) {
        if (user.isDisabled()) {
            return t("classroom.admin.status.disabled");
        }
        return t(user.isMustChangePassword() ? "classroom.admin.status.must-change" : "classroom.admin.status.active");
    }

    private HorizontalLayout userActions(AppUser user) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!user.isAdmin()) {
            Button reset = new Button(t("classroom.reset.confirm"), e -> open(AccountDialogs.confirmReset(user,
                    () -> resetPassword(user))));
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            reset.setAriaLabel(t("classroom.classes.reset.label", user.getUsername()));
            actions.add(reset);
        }
        if (!user.getId().equals(admin.getId())) {
            Button toggle = new Button(t(user.isDisabled() ? "classroom.admin.enable" : "classroom.admin.disable"),
                    e -> setDisabled(user, !user.isDisabled()));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            toggle.setAriaLabel(t(user.isDisabled() ? "classroom.admin.enable.label" : "classroom.admin.disable.label",
                    user.getUsername()));
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
            problem(org.convlab.base.ui.I18n.message(e));
        }
    }

    void setDisabled(AppUser user, boolean disabled) {
        try {
            care.setDisabled(admin, user.getId(), disabled);
            problem.setVisible(false);
            refresh();
        } catch (AccountException e) {
            problem(org.convlab.base.ui.I18n.message(e));
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
