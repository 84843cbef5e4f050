package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.convlab.classroom.WrittenWork;

/** One written question in the assignment editor: its text and a button to remove it. */
final class QuestionRow extends Div {

    final TextField text = new TextField();
    final Button remove = new Button(VaadinIcon.TRASH.create());

    QuestionRow(String question, Consumer<QuestionRow> onRemove) {
        addClassNames("rule-row", "question-row");
        text.setAriaLabel(t("classroom.editor.question"));
        text.setPlaceholder(t("classroom.editor.question.placeholder"));
        text.setMaxLength(WrittenWork.MAX_QUESTION);
        text.setValue(question);
        text.setWidthFull();
        text.addValueChangeListener(e -> text.setInvalid(false));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(t("classroom.editor.question.remove"));
        remove.addClickListener(e -> onRemove.accept(this));
        Div main = new Div(text, remove);
        main.addClassName("rule-main");
        add(main);
    }

    void showProblem(String message) {
        text.setErrorMessage(message);
        text.setInvalid(true);
    }
}
