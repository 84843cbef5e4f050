package org.convlab.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** My account: changing one's password, and being sent there after a reset until it is changed. */
@Tag("database")
@SpringBootTest
class AccountViewTest extends SpringBrowserlessTest {

    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    private AppUser signIn(String username, boolean mustChange) {
        AppUser user = TestAccounts.ensure(users, encoder, username, Role.LEARNER);
        user.setMustChangePassword(mustChange);
        user = users.save(user);
        TestAccounts.signIn(user);
        return user;
    }

    @Test
    void aWrongCurrentPasswordIsOneClearLineAndTheRightOneChangesIt() {
        AppUser ann = signIn("account.ann", false);
        AccountView view = navigate(AccountView.class);
        assertThat(view.getElement().getTextRecursively()).contains("You are signed in as Account.ann");

        test(view.current).setValue("not-my-password");
        test(view.fresh).setValue("brand-new-pass");
        test(view.repeated).setValue("brand-new-pass");
        test(view.change).click();
        assertThat(view.result.getText()).isEqualTo("The current password is not right.");
        assertThat(view.result.getClassName()).isEqualTo("callout-error");
        assertThat(view.current.getValue()).as("passwords are not left in the form").isEmpty();

        test(view.current).setValue(TestAccounts.PASSWORD);
        test(view.fresh).setValue("brand-new-pass");
        test(view.repeated).setValue("brand-new-pass");
        test(view.change).click();
        assertThat(view.result.getText()).isEqualTo("Your password is changed. Use the new one next time you sign in.");
        assertThat(encoder.matches("brand-new-pass", users.findById(ann.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void afterAResetEveryPageLeadsToMyAccountUntilTheNewPasswordIsChosen() {
        signIn("account.reset", true);
        navigate("runs", com.vaadin.flow.component.Component.class);
        AccountView view = (AccountView) getCurrentView();
        assertThat(view.getElement().getTextRecursively()).contains("Your password was reset. Choose a new password of your own before you go on.");
        navigate("classroom", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(AccountView.class);

        view = (AccountView) getCurrentView();
        test(view.current).setValue(TestAccounts.PASSWORD);
        test(view.fresh).setValue("my-own-password");
        test(view.repeated).setValue("my-own-password");
        test(view.change).click();

        navigate("runs", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(AccountView.class);
    }
}
