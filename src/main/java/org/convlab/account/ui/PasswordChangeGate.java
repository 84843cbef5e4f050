package org.convlab.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * After a teacher or the admin reset an account's password, every page the account opens leads to
 * My account until it chooses a new password. A navigation listener on every UI, like Vaadin's own
 * access control; the API refuses such an account itself (AccountStatusFilter).
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    PasswordChangeGate(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == AccountView.class || target == LoginView.class) {
            return;
        }
        if (currentUser.get().map(AppUser::isMustChangePassword).orElse(false)) {
            event.forwardTo(AccountView.class);
        }
    }
}
