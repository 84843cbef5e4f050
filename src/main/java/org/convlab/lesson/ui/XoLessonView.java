package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.convlab.base.ui.ColorScale;
import org.convlab.lesson.ConvolutionStep;
import org.convlab.lesson.EdgeRule;
import org.convlab.lesson.Fractions;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.Pooling;
import org.convlab.lesson.PoolingTrace;
import org.convlab.lesson.xo.Filter;
import org.convlab.lesson.xo.FilterPass;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.RenditionComparison;
import org.convlab.lesson.xo.VoteTrace;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.lesson.xo.XoRun;

/**
 * Lesson 5: the X/O network of the decks as one guided walk, image to vote, for any of the clean
 * or distorted letters and any of the three filters. Values are ninths, written "7/9 ≈ 0.78".
 */
@AnonymousAllowed
@Route("learn/x-or-o")
@PageTitle("X or O · ConvLab")
final class XoLessonView extends LessonPage {

    /** The same network built with the training engine and explained like a learner's own (training.ui). */
    static final String NETWORK_PAGE = "learn/x-or-o/network";

    final Select<Rendition> rendition = new Select<>();
    final Select<Filter> filter = new Select<>();
    final MatrixAnimation convolution = new MatrixAnimation("Step 1: convolution with the chosen filter");
    final MatrixAnimation relu = new MatrixAnimation("Step 2: ReLU");
    final MatrixAnimation pooling = new MatrixAnimation("Step 3: max pooling");
    final Div secondPool = new Div();
    final Div vector = new Div();
    final Div vote = new Div();
    private XoRun run;

    XoLessonView() {
        super(Lesson.XO,
                "Time to put the pieces together on the classic example: is a 9×9 picture an X or an O? The "
                        + "network has three 3×3 filters, one for each stroke an X is made of: the falling "
                        + "diagonal \\, the crossing ×, and the rising diagonal /.",
                "Each filter goes through convolution (each sum divided by 9, so a perfect match scores 1), ReLU, "
                        + "and max pooling twice. The three small maps are laid out as 12 numbers, and each letter "
                        + "votes with the numbers it cares about. Follow one filter through all the steps below.");
        rendition.setLabel("Picture");
        rendition.setItems(XoRenditions.all());
        rendition.setItemLabelGenerator(Rendition::title);
        rendition.setValue(XoRenditions.byId("x"));
        filter.setLabel("Filter to follow");
        filter.setItems(Filter.xoFilters());
        filter.setItemLabelGenerator(Filter::name);
        filter.setValue(Filter.xoFilters().getFirst());
        rendition.addValueChangeListener(e -> update());
        filter.addValueChangeListener(e -> update());
        secondPool.addClassName("pool-again");

        Div controls = new Div(rendition, filter);
        controls.addClassName("lesson-controls");
        tryIt("try-it", "pick a picture and a filter", text("Start with the clean X, then try the shifted, "
                + "slanted and bold ones, and the O. Every step below follows your choice."), controls);
        section("convolution", "Step 1: convolution", text("The filter slides over the picture. Every value is a "
                + "number of ninths: 7/9 means 8 of the 9 cells agree with the filter and 1 does not, (8 − 1) / 9."),
                convolution);
        section("relu", "Step 2: ReLU", text("Negative matches become 0: a bad match is no evidence at all."), relu);
        section("pooling", "Step 3: max pooling, twice", text("A 2×2 window with stride 2 keeps the best match in "
                + "each area, keeping the partial windows at the edge: 7×7 becomes 4×4, then pooling again gives "
                + "2×2."), pooling, secondPool);
        section("vote", "Step 4: flatten and vote", text("The three 2×2 maps are laid out one after another as 12 "
                + "numbers. The clean X scores 1 at some of those positions, the clean O at others. Each letter's "
                + "score is the mean of the values at its own positions; the higher score wins."), vector, vote,
                // A plain link: the page lives with the training pages, which lessons never import.
                new Paragraph(new Anchor(NETWORK_PAGE, "See this network run as a real network, with the vote as a "
                        + "dense layer and the deck's test vector scored")));
        section("renditions", "Why small filters beat matching the whole picture", text("Compare each picture "
                + "with the clean letters cell by cell (mean of picture × letter): moving the X by one pixel ruins "
                + "that. The filters still find each stroke wherever it moved, and pooling does not care about "
                + "the exact place, so the vote still says X. The bold X shows the limit: thin filters fit thick "
                + "strokes badly."), renditionTable());
        djl("The X/O network is tiny, but written as DJL blocks it is the same shape as a real CNN: three fixed "
                + "filters become a Conv2d with setFilters(3), and the vote becomes a dense layer with 2 units "
                + "that learns its own weights.", """
                SequentialBlock xo = new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(3).build())
                        .add(Activation.reluBlock())
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true))
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true))
                        .add(Blocks.batchFlattenBlock())      // 3 maps × 2×2 = 12 values
                        .add(Linear.builder().setUnits(2).build()); // one score for X, one for O""");
        finish(() -> questions(new Random()));
        update();
    }

    void update() {
        run = XoExample.run(rendition.getValue().image());
        FilterPass pass = run.passes().get(Filter.xoFilters().indexOf(filter.getValue()));
        convolution.show(AnimationTrace.convolution(pass.convolution(), Formats.ninths(), Formats.ninths()));
        relu.show(AnimationTrace.activation(pass.relu(), Formats.ninths()));
        pooling.show(AnimationTrace.pooling(pass.pool(), Formats.ninths()));
        secondPool.removeAll();
        secondPool.add(text("Pooling the 4×4 map again (" + pass.pool2().rows().evaluation() + ") leaves:"),
                new NumberGrid("Second pooling, 2×2", pass.pool2().output(), Formats.ninths(), new ColorScale(0, 1)));
        vector.removeAll();
        List<String> labels = run.vector().stream().map(v -> Fractions.label(v, 9)).toList();
        vector.add(text("The 12 numbers (filter \\, then ×, then /): " + String.join(",  ", labels)));
        vote.removeAll();
        for (VoteTrace trace : run.votes().values()) {
            vote.add(formula(trace.description(Formats.plain()) + "   " + trace.writtenSum(Formats.ninths())));
        }
        VoteTrace x = run.votes().get("X");
        VoteTrace o = run.votes().get("O");
        vote.add(text("The vote: X " + Fractions.decimal(x.score()) + " against O " + Fractions.decimal(o.score())
                + ", so the network says " + run.winner() + "."));
    }

    XoRun run() {
        return run;
    }

    private static LessonTable renditionTable() {
        LessonTable table = new LessonTable("Whole-picture match and filter vote for each picture",
                List.of("picture", "whole picture vs X", "whole picture vs O", "vote for X", "vote for O", "network says"));
        for (Rendition r : XoRenditions.all()) {
            RenditionComparison comparison = XoRenditions.compare(r);
            table.row(List.of(r.title(), Fractions.label(comparison.wholeImageMatch().get("X"), 81),
                    Fractions.label(comparison.wholeImageMatch().get("O"), 81),
                    Fractions.decimal(comparison.run().votes().get("X").score()),
                    Fractions.decimal(comparison.run().votes().get("O").score()), comparison.run().winner()));
        }
        return table;
    }

    /** One filter match in ninths, one pooled ninth, and one vote, with fresh numbers. */
    static List<QuizQuestion> questions(RandomGenerator random) {
        List<QuizQuestion> questions = new ArrayList<>();
        LessonText text = LessonText.quizOf(Lesson.XO);
        Filter f = Filter.xoFilters().get(random.nextInt(3));
        Matrix patch = Matrix.generate(3, 3, (r, c) -> random.nextBoolean() ? 1 : -1);
        ConvolutionStep step = XoExample.CONVOLUTION.trace(patch, f.kernel()).step(0, 0);
        questions.add(new QuizQuestion(text.get("numeric.match.prompt", f.name(), ConvolutionLessonView.rows(f.kernel()),
                ConvolutionLessonView.rows(patch)), step.result(), 0.006, Fractions.label(step.result(), 9),
                text.get("numeric.match.explanation", step.writtenSum(Formats.ninths())),
                "convolution", "Step 1: convolution"));
        Matrix block = Matrix.generate(2, 2, (r, c) -> random.nextInt(10) / 9.0);
        PoolingTrace pooled = Pooling.max(2, 2, EdgeRule.COVER).trace(block);
        questions.add(new QuizQuestion(text.get("numeric.pool.prompt", String.join(", ", block.values().stream()
                .map(v -> Fractions.format(v, 9)).toList())), pooled.output().get(0, 0), 0.006,
                Fractions.label(pooled.output().get(0, 0), 9), pooled.description(pooled.steps().getFirst(),
                Formats.ninths()), "pooling", "Step 3: max pooling, twice"));
        List<Double> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(random.nextInt(10) / 10.0);
        }
        VoteTrace xVote = XoExample.vote().score("X", twelve);
        questions.add(new QuizQuestion(text.get("numeric.vote.prompt", String.join(", ", twelve.stream()
                .map(v -> Formats.plain().format(v)).toList()),
                String.join(", ", xVote.positions().stream().map(p -> String.valueOf(p + 1)).toList())), xVote.score(), 0.006, Formats.plain().format(xVote.score()),
                xVote.writtenSum(Formats.plain()) + ".", "vote", "Step 4: flatten and vote"));
        return questions;
    }
}
