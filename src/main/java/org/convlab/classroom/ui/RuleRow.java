package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleKind;

/**
 * One rule in the assignment editor: what kind, its number or choice, and its problem if any. The
 * row knows no rule by name: each kind says what it asks for ({@link RuleKind}).
 */
final class RuleRow extends Div {

    final Select<RuleKind> kind = new Select<>();
    final NumberField number = new NumberField();
    final Select<RuleKind.Choice> choice = new Select<>();
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final Span problem = new Span();
    /** The data sets a rule may name: the teacher's, as the catalogue lists them. */
    private final List<RuleKind.DatasetOption> datasets;

    RuleRow(Rule rule, Consumer<RuleRow> onRemove) {
        this(rule, List.of(), onRemove);
    }

    RuleRow(Rule rule, List<RuleKind.DatasetOption> datasets, Consumer<RuleRow> onRemove) {
        this.datasets = datasets;
        addClassName("rule-row");
        kind.setItems(RuleKind.all());
        kind.setItemLabelGenerator(k -> t(k.label()));
        kind.setAriaLabel(t("classroom.editor.rule.kind"));
        kind.addClassName("rule-kind");
        number.setAriaLabel(t("classroom.editor.rule.number"));
        number.addClassName("rule-number");
        choice.setItemLabelGenerator(c -> t(c.option()));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(t("classroom.editor.rule.remove"));
        remove.addClickListener(e -> onRemove.accept(this));
        problem.addClassName("rule-problem");
        problem.setVisible(false);

        RuleKind k = RuleKind.of(rule);
        kind.setValue(k);
        number.setValue(k.numberOf(rule));
        showInputs(k, k.choiceOf(rule));
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                number.setValue(e.getValue().input().numeric() ? e.getValue().suggested() : null);
                showInputs(e.getValue(), null);
            }
            clearProblem();
        });
        number.addValueChangeListener(e -> clearProblem());

        Div main = new Div(kind, number, choice, remove);
        main.addClassName("rule-main");
        add(main, problem);
    }

    /** The inputs kind {@code k} asks for; {@code chosen} is the rule's own option, else the kind's first. */
    private void showInputs(RuleKind k, RuleKind.Choice chosen) {
        number.setVisible(k.input().numeric());
        number.setSuffixComponent(new Span(k.unit() == null ? "" : t(k.unit())));
        List<RuleKind.Choice> options = new ArrayList<>(k.choices());
        if (k.choosesDataset() && !datasets.isEmpty()) {
            options = new ArrayList<>(datasets);
        }
        if (chosen != null && !options.contains(chosen)) {
            options.add(chosen);   // a data set the teacher can no longer use stays as the rule has it
        }
        choice.setItems(options);
        choice.setValue(chosen != null ? chosen : options.stream().findFirst().orElse(null));
        choice.setVisible(k.input() == RuleKind.Input.CHOICE);
        if (choice.isVisible()) {
            choice.setAriaLabel(t(k.choicePrompt()));
        }
    }

    /** The rule as entered; an impossible one throws with the rule's own message. */
    Rule rule() {
        return kind.getValue().create(number.getValue(), choice.getValue());
    }

    void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
        addClassName("rule-broken");
    }

    void clearProblem() {
        problem.setVisible(false);
        removeClassName("rule-broken");
    }
}
