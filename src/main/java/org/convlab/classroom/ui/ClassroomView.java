package org.convlab.classroom.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convlab.base.ui.ComingSoon;

@PermitAll
@Route("classroom")
@PageTitle("Classroom · ConvLab")
final class ClassroomView extends Main {

    ClassroomView() {
        add(new ComingSoon("Classroom",
                "Assignments, grades and progress for a class that shares one ConvLab.",
                "Accounts for learners and teachers, with a class code to join",
                "Assignments graded automatically, rule by rule, with a one-line explanation each",
                "A fair training queue, so thirty learners can press Train in the same minute",
                "A dashboard for each learner and a gradebook for the teacher"));
    }
}
