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
        assertThat(view.why.getText()).contains("Training, runs and Try it need an account");
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
    void theSignInPageReadsInSpanish() {
        UI.getCurrent().setLocale(java.util.Locale.of("es"));
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginView view = (LoginView) getCurrentView();

        assertThat(view.getElement().getTextRecursively()).contains("Tu cuenta de ConvLab",
                "Las lecciones y la página de datos están abiertas sin cuenta.");
        assertThat(view.why.getText()).startsWith("Entrenar, las ejecuciones y Pruébalo necesitan una cuenta");
        assertThat(view.how.getElement().getTextRecursively())
                .isEqualTo("Inicia sesión abajo o crea una cuenta con el código de clase que te dio tu docente.");
        var i18n = view.i18n;
        assertThat(i18n.getForm().getTitle()).isEqualTo("Iniciar sesión");
        assertThat(i18n.getForm().getUsername()).isEqualTo("Nombre de usuario");
        assertThat(i18n.getForm().getPassword()).isEqualTo("Contraseña");
        assertThat(i18n.getErrorMessage().getMessage()).startsWith("El nombre de usuario o la contraseña no son correctos.");
        assertThat(view.getPageTitle()).isEqualTo("Iniciar sesión · ConvLab");
    }

    @Test
    void aDisabledAccountsEndedSessionIsToldWhy() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("disabled", "")));
        LoginView view = (LoginView) getCurrentView();
        assertThat(view.note.isVisible()).isTrue();
        assertThat(view.note.getText()).isEqualTo("This account is disabled; ask your teacher or the admin.");
    }
}
