package org.convlab.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The sign-in page, driven as a person would (the same application as ClassroomPagesTest). */
@Tag("database")
@SpringBootTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void aFailedSignInShowsTheFormsError() {
        LoginView view = navigate(LoginView.class);
        assertThat(view.form.isError()).isFalse();
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        assertThat(((LoginView) getCurrentView()).form.isError()).isTrue();
        assertThat(((LoginView) getCurrentView()).form.getAction()).isEqualTo("login");
    }

    @Test
    void aDisabledAccountsEndedSessionIsToldWhy() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("disabled", "")));
        LoginView view = (LoginView) getCurrentView();
        assertThat(view.note.isVisible()).isTrue();
        assertThat(view.note.getText()).isEqualTo("This account is disabled; ask your teacher or the admin.");
    }
}
