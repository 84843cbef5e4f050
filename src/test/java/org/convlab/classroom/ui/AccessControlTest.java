package org.convlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteNotFoundError;
import org.convlab.account.Role;
import org.convlab.account.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

import org.convlab.base.ui.MainLayout;
/** Who may open which page: guests keep the lessons, training needs an account, classes need a teacher. */
@Tag("database")
@SpringBootTest
class AccessControlTest extends SpringBrowserlessTest {

    @Test
    void aGuestCanOpenALessonAndTheDataPage() {
        navigate("learn/convolution", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ConvolutionLessonView");
        navigate("data", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("DataView");
        navigate("train/model", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ModelBuilderView");
    }

    @Test
    void aGuestIsSentToSignInForTrainingAndRuns() {
        for (String route : new String[] {"train", "runs", "try", "train/experiments", "classroom/classes", "admin"}) {
            navigate(route, Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).as(route).isEqualTo("LoginView");
        }
    }

    @Test
    @SignedIn
    void aLearnerTrainsButCannotOpenTeacherOrAdminPages() {
        navigate("train", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("TrainView");
        for (String route : new String[] {"admin", "classroom/classes"}) {
            navigate(route, Component.class);
            // Refused pages answer "not found", so a learner does not even learn that they exist.
            assertThat(getCurrentView()).as(route).isInstanceOf(RouteNotFoundError.class);
            // ...inside the app's layout, with the way back.
            assertThat(((Component) getCurrentView()).getParent()).as(route).containsInstanceOf(MainLayout.class);
            assertThat(getCurrentView().getElement().getTextRecursively()).contains("Nothing to see here", "/" + route);
        }
    }

    @Test
    @SignedIn(username = "teacher", role = Role.TEACHER)
    void aTeacherOpensClassesButNotAdmin() {
        navigate("classroom/classes", Component.class);
        assertThat(getCurrentView()).isInstanceOf(ClassesView.class);
        navigate("admin", Component.class);
        assertThat(getCurrentView()).isInstanceOf(RouteNotFoundError.class);
    }

    @Test
    @SignedIn(username = "admin", role = Role.ADMIN)
    void anAdminOpensBoth() {
        navigate("admin", Component.class);
        assertThat(getCurrentView()).isInstanceOf(AdminView.class);
        navigate("classroom/classes", Component.class);
        assertThat(getCurrentView()).isInstanceOf(ClassesView.class);
    }
}
