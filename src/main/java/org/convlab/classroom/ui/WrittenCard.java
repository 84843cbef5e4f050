package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.WrittenAnswer;
import org.convlab.classroom.WrittenWork;
import org.convlab.base.ui.I18n;

/**
 * The written side of a submission, for reading: whether its run used only part of the training
 * set, each question with the learner's answer, and the teacher's mark and comment when given.
 */
final class WrittenCard extends Div {

    final Paragraph subset = new Paragraph();
    final Div answers = new Div();
    final Paragraph feedback = new Paragraph();

    WrittenCard(SubmissionDetails s) {
        addClassName("written-card");
        subset.addClassName("subset-note");
        subset.setText(s.subsetNote().map(I18n::t).orElse(""));
        subset.setVisible(s.trainImages() != null);
        add(subset);
        if (!s.answers().isEmpty()) {
            answers.add(new H4(t("classroom.written.answers")));
            int i = 1;
            for (WrittenAnswer a : s.answers()) {
                Paragraph question = new Paragraph(i++ + ". " + a.question());
                question.addClassName("written-question");
                Paragraph answer = new Paragraph(a.answered() ? a.answer() : t("classroom.written.no-answer"));
                answer.addClassNames("written-answer", a.answered() ? "answered" : "unanswered");
                answers.add(question, answer);
            }
            add(answers);
        }
        feedback.addClassName("teacher-feedback");
        feedback.setText(feedback(s));
        feedback.setVisible(s.marked());
        add(feedback);
    }

    /** "Mark: 80 of 100. Comment: Good curves." (either part may be missing); "" when not marked. */
    static String feedback(SubmissionDetails s) {
        if (!s.marked()) {
            return "";
        }
        if (s.mark() == null) {
            return t("classroom.written.comment", s.comment());
        }
        return s.comment() == null ? t("classroom.written.mark", s.mark(), WrittenWork.MAX_MARK)
                : t("classroom.written.mark-and-comment", s.mark(), WrittenWork.MAX_MARK, s.comment());
    }

    /** The questions and answers as shown, one paragraph each. */
    List<String> lines() {
        return answers.getChildren().filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).toList();
    }
}
