package org.convlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.function.Consumer;
import org.convlab.classroom.grading.Rule;
import org.convlab.classroom.grading.RuleKind;

/** One rule in the assignment editor: what kind, its number or choice, and its problem if any. */
final class RuleRow extends Div {

    final Select<RuleKind> kind = new Select<>();
    final NumberField number = new NumberField();
    final Select<Rule.Pooling> pooling = new Select<>();
    final Select<Rule.Penalty> penalty = new Select<>();
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final Span problem = new Span();

    RuleRow(Rule rule, Consumer<RuleRow> onRemove) {
        addClassName("rule-row");
        kind.setItems(RuleKind.values());
        kind.setItemLabelGenerator(RuleKind::label);
        kind.setAriaLabel("Rule");
        kind.addClassName("rule-kind");
        number.setAriaLabel("Number");
        number.addClassName("rule-number");
        pooling.setItems(Rule.Pooling.values());
        pooling.setItemLabelGenerator(p -> p.label() + " pooling");
        pooling.setAriaLabel("Pooling kind");
        penalty.setItems(Rule.Penalty.values());
        penalty.setItemLabelGenerator(Rule.Penalty::label);
        penalty.setAriaLabel("Penalty kind");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove this rule");
        remove.addClickListener(e -> onRemove.accept(this));
        problem.addClassName("rule-problem");
        problem.setVisible(false);

        RuleKind k = RuleKind.of(rule);
        kind.setValue(k);
        number.setValue(RuleKind.numberOf(rule));
        pooling.setValue(rule instanceof Rule.PoolingType p ? p.pooling() : Rule.Pooling.MAX);
        penalty.setValue(rule instanceof Rule.RequiresWeightPenalty p ? p.penalty() : Rule.Penalty.L1_OR_L2);
        showInputs(k);
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                number.setValue(e.getValue().input().numeric() ? e.getValue().suggested() : null);
                showInputs(e.getValue());
            }
            clearProblem();
        });
        number.addValueChangeListener(e -> clearProblem());

        Div main = new Div(kind, number, pooling, penalty, remove);
        main.addClassName("rule-main");
        add(main, problem);
    }

    private void showInputs(RuleKind k) {
        number.setVisible(k.input().numeric());
        number.setSuffixComponent(new Span(unit(k)));
        pooling.setVisible(k.input() == RuleKind.Input.POOLING);
        penalty.setVisible(k.input() == RuleKind.Input.PENALTY);
    }

    private static String unit(RuleKind k) {
        return switch (k) {
            case MIN_CONV_LAYERS, MAX_CONV_LAYERS, MIN_POOLING_LAYERS -> "layers";
            case MAX_PARAMS -> "parameters";
            case MAX_DENSE_WIDTH -> "units";
            case MIN_TEST_ACCURACY -> "%";
            case MAX_EPOCHS -> "epochs";
            case MAX_TRAIN_SECONDS -> "seconds";
            default -> "";
        };
    }

    /** The rule as entered; an impossible one throws with the rule's own message. */
    Rule rule() {
        return kind.getValue().create(number.getValue(), pooling.getValue(), penalty.getValue());
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
