package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.convlab.classroom.AssignmentException;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.WrittenWork;
import org.springframework.security.access.AccessDeniedException;

/** The teacher's mark (0 to 100) and comment on one submission, beside its automatic grade. */
final class MarkForm extends Div {

    // A text field and a plain text area: components the assignment page's bundle has (PlainTextArea).
    final TextField mark = new TextField(t("classroom.mark.mark"));
    final PlainTextArea comment = new PlainTextArea(t("classroom.mark.comment"), WrittenWork.MAX_COMMENT);
    final Button save = new Button(t("classroom.mark.save"), VaadinIcon.CHECK.create());
    final Paragraph problem = new Paragraph();
    final Paragraph saved = new Paragraph(t("classroom.mark.saved"));

    MarkForm(AssignmentService service, SubmissionDetails s, Consumer<SubmissionDetails> onSaved) {
        addClassName("mark-form");
        mark.setMaxLength(10);
        mark.setValue(s.mark() == null ? "" : String.valueOf(s.mark()));
        comment.setValue(s.comment() == null ? "" : s.comment());
        problem.addClassName("form-problem");
        problem.setVisible(false);
        saved.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            problem.setVisible(false);
            saved.setVisible(false);
            try {
                SubmissionDetails updated = service.mark(s.id(), markValue(), comment.getValue());
                saved.setVisible(true);
                onSaved.accept(updated);
            } catch (AssignmentException | AccessDeniedException ex) {
                problem.setText(ClassroomText.refusal(ex));
                problem.setVisible(true);
            }
        });
        add(mark, comment, save, problem, saved);
    }

    /** The mark typed, or null when blank; anything but a whole number is refused in one line. */
    private Integer markValue() {
        String typed = mark.getValue().strip();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            throw new AssignmentException(t("classroom.mark.not-whole", WrittenWork.MIN_MARK, WrittenWork.MAX_MARK, typed));
        }
    }
}
