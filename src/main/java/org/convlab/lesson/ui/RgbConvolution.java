package org.convlab.lesson.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.convlab.base.ui.ColorScale;
import org.convlab.lesson.ChannelSumStep;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.MultiChannelConvolution;
import org.convlab.lesson.MultiChannelTrace;
import org.convlab.lesson.ValueFormat;

/**
 * A 5×5 colour image and a 3×3×3 kernel, worked through: one {@link MatrixAnimation} per channel (its
 * slice sliding over it), then, cell by cell, the three channel sums plus the bias make the one output
 * map. Stepping through the output cells here moves the three animations along, so the windows they
 * frame are the ones being added.
 */
final class RgbConvolution extends Div {

    static final List<String> CHANNELS = List.of("red", "green", "blue");
    static final double BIAS = 1;

    // Small whole numbers, so a learner can check any sum in their head.
    private static final List<Matrix> IMAGE = List.of(
            Matrix.of(new int[][] {{1, 2, 0, 1, 0}, {0, 1, 2, 0, 1}, {1, 0, 1, 2, 0}, {2, 1, 0, 1, 1}, {0, 1, 1, 0, 2}}),
            Matrix.of(new int[][] {{0, 1, 1, 0, 0}, {1, 0, 0, 1, 1}, {0, 2, 1, 0, 1}, {1, 0, 1, 1, 0}, {0, 1, 0, 2, 1}}),
            Matrix.of(new int[][] {{2, 0, 1, 1, 0}, {0, 1, 0, 2, 1}, {1, 1, 0, 0, 2}, {0, 2, 1, 0, 1}, {1, 0, 2, 1, 0}}));
    private static final List<Matrix> KERNEL = List.of(
            Matrix.of(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
            Matrix.of(new int[][] {{0, 1, 0}, {0, -1, 0}, {0, 1, 0}}),
            Matrix.of(new int[][] {{0, 0, 0}, {1, 0, -1}, {0, 0, 0}}));

    final MultiChannelTrace trace = MultiChannelConvolution.defaults().trace(CHANNELS, IMAGE, KERNEL, BIAS);
    final List<MatrixAnimation> animations = new ArrayList<>();
    final Button previous = new Button(lessonText().get("rgb.previous"), e -> go(index() - 1));
    final Button next = new Button(lessonText().get("rgb.next"), e -> go(index() + 1));
    final Span position = new Span();
    final Div currentSum = LessonPage.formula("");
    final Paragraph description = new Paragraph();
    final OrderedList allSums = new OrderedList();
    final NumberGrid outputMap;
    private int index;

    RgbConvolution() {
        addClassName("rgb-convolution");
        ValueFormat format = Formats.plain();
        Div channels = new Div();
        channels.addClassName("channel-animations");
        for (int ch = 0; ch < CHANNELS.size(); ch++) {
            String name = I18n.t("lesson.channel." + CHANNELS.get(ch));
            MatrixAnimation animation = new MatrixAnimation(lessonText().get("rgb.animation", name));
            animation.show(AnimationTrace.channel(trace.channels().get(ch), name, format));
            animations.add(animation);
            channels.add(animation);
        }

        previous.getElement().setAttribute("aria-label", lessonText().get("rgb.previous.aria"));
        next.getElement().setAttribute("aria-label", lessonText().get("rgb.next.aria"));
        Div stepper = new Div(previous, next, position);
        stepper.addClassName("lesson-controls");
        description.addClassName("explanation");
        description.getElement().setAttribute("aria-live", "polite");

        Matrix output = trace.output();
        double min = output.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = output.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        outputMap = new NumberGrid(lessonText().get("rgb.output"), output, format, new ColorScale(min, max > min ? max : min + 1));
        for (ChannelSumStep step : trace.steps()) {
            String cell = step.output().spoken(Formats.locale());
            allSums.add(new ListItem(Character.toUpperCase(cell.charAt(0)) + cell.substring(1) + ": "
                    + step.writtenSum(format, Formats.locale())));
        }
        allSums.addClassName("channel-sums");

        add(channels, LessonPage.text(lessonText().get("rgb.add-up")), stepper, currentSum, description,
                LessonPage.text(lessonText().get("rgb.all-sums")), allSums,
                LessonPage.text(lessonText().get("rgb.one-map", output.rows() + "×" + output.cols())), outputMap);
        show(0);
    }

    /** Moves to an output cell; out-of-range positions stay where they are. */
    void go(int target) {
        if (target >= 0 && target < trace.steps().size() && target != index) {
            show(target);
            // go() is the animation's public step method; each channel's steps are in the same reading order.
            // (Not called for the first cell: the animations start there.)
            animations.forEach(a -> a.getElement().callJsFunction("go", index));
        }
    }

    private void show(int target) {
        ListItem old = (ListItem) allSums.getComponentAt(index);
        old.removeClassName("current");
        old.getElement().removeAttribute("aria-current");
        index = target;
        ChannelSumStep step = trace.steps().get(index);
        ValueFormat format = Formats.plain();
        position.setText(lessonText().get("rgb.position", index + 1, trace.steps().size()));
        currentSum.setText(step.writtenSum(format, Formats.locale()));
        description.setText(step.description(format, Formats.locale()));
        ListItem item = (ListItem) allSums.getComponentAt(index);
        item.addClassName("current");
        item.getElement().setAttribute("aria-current", "step");
        previous.setEnabled(index > 0);
        next.setEnabled(index < trace.steps().size() - 1);
    }

    int index() {
        return index;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.CONVOLUTION);
    }
}
