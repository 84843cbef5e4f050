package org.convlab.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.convlab.account.RegistrationPolicy;
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
    void aGuestReadsWhyAnAccountIsNeededAndHowToGetOneHere() {
        LoginView view = navigate(LoginView.class);
        assertThat(view.why.getText()).isEqualTo(LoginView.WHY).contains("Training, runs and Try it need an account");
        assertThat(view.how.getElement().getTextRecursively())
                .isEqualTo("Sign in below, or create an account with the class code your teacher gave you.");
        assertThat(view.how.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("register");
    }

    @Test
    void eachPolicySaysHowToGetAnAccount() {
        Paragraph open = new Paragraph();
        LoginView.howToGetAnAccount(open, RegistrationPolicy.OPEN);
        assertThat(open.getElement().getTextRecursively()).contains("create an account", "no class code is needed");
        Paragraph closed = new Paragraph();
        LoginView.howToGetAnAccount(closed, RegistrationPolicy.CLOSED);
        assertThat(closed.getElement().getTextRecursively()).contains("ask your teacher for an account");
        assertThat(closed.getChildren().filter(Anchor.class::isInstance)).isEmpty();
    }

    @Test
    void aDisabledAccountsEndedSessionIsToldWhy() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("disabled", "")));
        LoginView view = (LoginView) getCurrentView();
        assertThat(view.note.isVisible()).isTrue();
        assertThat(view.note.getText()).isEqualTo("This account is disabled; ask your teacher or the admin.");
    }
}
