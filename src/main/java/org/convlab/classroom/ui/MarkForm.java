package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.convlab.classroom.AssignmentException;
import org.convlab.classroom.AssignmentService;
import org.convlab.classroom.SubmissionDetails;
import org.convlab.classroom.WrittenWork;
import org.springframework.security.access.AccessDeniedException;

/** The teacher's mark (0 to 100) and comment on one submission, beside its automatic grade. */
final class MarkForm extends Div {

    final IntegerField mark = new IntegerField("Your mark (0–100, optional)");
    final TextArea comment = new TextArea("Your comment (optional)");
    final Button save = new Button("Save mark and comment", VaadinIcon.CHECK.create());
    final Paragraph problem = new Paragraph();
    final Paragraph saved = new Paragraph("Saved. The learner sees it on their assignment page.");

    MarkForm(AssignmentService service, SubmissionDetails s, Consumer<SubmissionDetails> onSaved) {
        addClassName("mark-form");
        mark.setMin(WrittenWork.MIN_MARK);
        mark.setMax(WrittenWork.MAX_MARK);
        mark.setStepButtonsVisible(true);
        mark.setValue(s.mark());
        comment.setMaxLength(WrittenWork.MAX_COMMENT);
        comment.setWidthFull();
        comment.setValue(s.comment() == null ? "" : s.comment());
        problem.addClassName("form-problem");
        problem.setVisible(false);
        saved.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            problem.setVisible(false);
            saved.setVisible(false);
            try {
                SubmissionDetails updated = service.mark(s.id(), mark.getValue(), comment.getValue());
                saved.setVisible(true);
                onSaved.accept(updated);
            } catch (AssignmentException | AccessDeniedException ex) {
                problem.setText(ex.getMessage());
                problem.setVisible(true);
            }
        });
        add(mark, comment, save, problem, saved);
    }
}
