package org.convlab.classroom.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.convlab.classroom.grading.Grade;
import org.convlab.classroom.grading.RuleResult;
import java.util.List;

/**
 * A grade, rule by rule: ✓ or ✗, the rule, and the one-line explanation with the run's numbers, in the
 * reader's language (a teacher reads a learner's grade in the teacher's).
 */
final class GradeCard extends Div {

    final H3 summary = new H3();

    GradeCard(Grade grade) {
        addClassName("grade-card");
        summary.setText(t(grade.summary()) + (grade.allPassed() ? " ✓" : ""));
        add(summary);
        for (RuleResult r : grade.results()) {
            Span mark = new Span(r.passed() ? "✓" : "✗");
            mark.addClassName("grade-mark");
            mark.getElement().setAttribute("aria-label", t(r.passed() ? "classroom.grade.passed" : "classroom.grade.failed"));
            Span rule = new Span(t(r.rule()));
            rule.addClassName("grade-rule");
            Span why = new Span(t(r.explanation()));
            why.addClassName("grade-explanation");
            Div line = new Div(mark, rule, why);
            line.addClassNames("grade-line", r.passed() ? "passed" : "failed");
            add(line);
        }
    }

    /** Every line as text: "✓ At least 2 convolution layers: The model has 2 convolution layers." */
    List<String> lines() {
        return getChildren().filter(c -> c.hasClassName("grade-line")).map(c -> {
            var spans = c.getChildren().map(s -> ((Span) s).getText()).toList();
            return spans.get(0) + " " + spans.get(1) + ": " + spans.get(2);
        }).toList();
    }
}
