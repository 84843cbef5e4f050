package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import org.convlab.classroom.AccountService;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.classroom.NewAccount;
import org.convlab.account.ClassroomOnly;

/** The admin creates teacher accounts and sees every account on this server. */
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

    private final AccountService accounts;
    private final AppUser admin;

    AdminView(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
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
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        users.setAllRowsVisible(true);
        users.addClassName("users-table");

        add(new H1("Admin"), new H2("New teacher"),
                new Paragraph("Teachers create classes and add their learners. Hand the teacher the username and "
                        + "the first password."),
                form, createTeacher, result, new H2("Accounts"), users);
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

    private void refresh() {
        users.setItems(accounts.allUsers());
    }
}
