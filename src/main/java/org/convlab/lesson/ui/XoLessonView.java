package org.convlab.lesson.ui;

import org.convlab.lesson.ValueFormat;
import org.convlab.base.ui.I18n;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
final class XoLessonView extends LessonPage {

    /** The same network built with the training engine and explained like a learner's own (training.ui). */
    static final String NETWORK_PAGE = "learn/x-or-o/network";
    /** The draw page with the two classes named (dataset.ui.DrawDatasetView). */
    static final String DRAW_PAGE = "data/draw?classes=X,O";

    final Select<Rendition> rendition = new Select<>();
    final Select<Filter> filter = new Select<>();

    final MatrixAnimation convolution = new MatrixAnimation(lessonText().get("convolution.caption"));
    final MatrixAnimation relu = new MatrixAnimation(lessonText().get("relu.caption"));
    final MatrixAnimation pooling = new MatrixAnimation(lessonText().get("pooling.caption"));
    final Div secondPool = new Div();
    final Div vector = new Div();
    final Div vote = new Div();
    private XoRun run;

    XoLessonView() {
        super(Lesson.XO);
        rendition.setLabel(t("picture.label"));
        rendition.setItems(XoRenditions.all());
        rendition.setItemLabelGenerator(r -> r.title(Formats.locale()));
        rendition.setValue(XoRenditions.byId("x"));
        filter.setLabel(t("filter.label"));
        filter.setItems(Filter.xoFilters());
        filter.setItemLabelGenerator(f -> f.name(Formats.locale()));
        filter.setValue(Filter.xoFilters().getFirst());
        rendition.addValueChangeListener(e -> update());
        filter.addValueChangeListener(e -> update());
        secondPool.addClassName("pool-again");

        Div controls = new Div(rendition, filter);
        controls.addClassName("lesson-controls");
        tryIt("try-it", explain("try-it.text.1"), controls);
        section("convolution", explain("convolution.text.1"), convolution, explain("convolution.text.2"),
                deckRoundingTable());
        section("relu", explain("relu.text.1"), relu);
        section("pooling", explain("pooling.text.1"), pooling, secondPool);
        section("vote", explain("vote.text.1"), vector, vote,
                // A plain link: the page lives with the training pages, which lessons never import.
                new Paragraph(new Anchor(NETWORK_PAGE, t("vote.network"))),
                explain("draw.text.1"), new Paragraph(new Anchor(DRAW_PAGE, t("draw.link"))));
        section("renditions", explain("renditions.text.1", Formats.label(wholeMargin("x"), 81),
                Formats.label(wholeMargin("x-shifted"), 81), Formats.decimal(voteMargin("x-shifted")),
                Formats.decimal(voteMargin("x-bold"))), scrolling(renditionTable()));
        djlSource("""
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
        secondPool.add(explain("pooling.again", pass.pool2().rows().evaluation(Formats.locale())),
                new NumberGrid(t("pooling.again.grid"), pass.pool2().output(), Formats.ninths(), new ColorScale(0, 1)));
        vector.removeAll();
        List<String> labels = run.vector().stream().map(v -> Formats.label(v, 9)).toList();
        vector.add(explain("vote.vector", String.join(",  ", labels)));
        vote.removeAll();
        for (VoteTrace trace : run.votes().values()) {
            vote.add(formula(I18n.t("lesson.xo.in-ninths", trace.description(Formats.plain(), Formats.locale()),
                    trace.writtenSum(Formats.ninths()))));
        }
        VoteTrace x = run.votes().get("X");
        VoteTrace o = run.votes().get("O");
        vote.add(explain("vote.result", Formats.decimal(x.score()), Formats.decimal(o.score()), run.winner()));
    }

    XoRun run() {
        return run;
    }

    private static LessonTable renditionTable() {
        LessonTable table = new LessonTable(lessonText().get("renditions.caption"), List.of(lessonText().get("renditions.picture"),
                lessonText().get("renditions.whole-x"), lessonText().get("renditions.whole-o"), lessonText().get("renditions.whole-margin"),
                lessonText().get("renditions.vote-x"), lessonText().get("renditions.vote-o"), lessonText().get("renditions.vote-margin"),
                lessonText().get("renditions.says")));
        for (Rendition r : XoRenditions.all()) {
            RenditionComparison comparison = XoRenditions.compare(r);
            table.row(List.of(r.title(Formats.locale()), Formats.label(comparison.wholeImageMatch().get("X"), 81),
                    Formats.label(comparison.wholeImageMatch().get("O"), 81),
                    Formats.label(wholeMargin(r.id()), 81),
                    Formats.decimal(comparison.run().votes().get("X").score()),
                    Formats.decimal(comparison.run().votes().get("O").score()),
                    Formats.decimal(voteMargin(r.id())), comparison.run().winner()));
        }
        return table;
    }

    /** Eight columns: on a tablet the table scrolls on its own instead of widening the page. */
    private static Div scrolling(LessonTable table) {
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        return scroll;
    }

    /** How far the better letter leads when the whole picture is matched, in 81sts. */
    static double wholeMargin(String renditionId) {
        var match = XoRenditions.compare(XoRenditions.byId(renditionId)).wholeImageMatch();
        return Math.abs(match.get("X") - match.get("O"));
    }

    /** How far the better letter leads in the filter network's vote. */
    static double voteMargin(String renditionId) {
        var votes = XoRenditions.compare(XoRenditions.byId(renditionId)).run().votes();
        return Math.abs(votes.get("X").score() - votes.get("O").score());
    }

    /** Ninths as deck 001 prints them (cut after two decimals) beside the exact value and its rounding. */
    static LessonTable deckRoundingTable() {
        LessonTable table = new LessonTable(lessonText().get("convolution.deck.caption"), List.of(
                lessonText().get("convolution.deck.value"), lessonText().get("convolution.deck.exact"),
                lessonText().get("convolution.deck.printed"), lessonText().get("convolution.deck.rounded")));
        for (int n : new int[] {1, 3, 5, 7}) {
            double value = n / 9.0;
            char mark = ValueFormat.decimalMark(Formats.locale());
            String exact = (String.format(Locale.ROOT, "%.4f", value).substring(0, 5) + "…").replace('.', mark);
            String cut = String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100).replace('.', mark);
            table.row(List.of(n + "/9", exact, cut, Formats.decimal(value)));
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
        questions.add(new QuizQuestion(text.get("numeric.match.prompt", f.name(Formats.locale()), ConvolutionLessonView.rows(f.kernel()),
                ConvolutionLessonView.rows(patch)), step.result(), 0.006, Formats.label(step.result(), 9),
                text.get("numeric.match.explanation", step.writtenSum(Formats.ninths(), Formats.locale())),
                "convolution"));
        Matrix block = Matrix.generate(2, 2, (r, c) -> random.nextInt(10) / 9.0);
        PoolingTrace pooled = Pooling.max(2, 2, EdgeRule.COVER).trace(block);
        questions.add(new QuizQuestion(text.get("numeric.pool.prompt", String.join(", ", block.values().stream()
                .map(v -> Fractions.format(v, 9)).toList())), pooled.output().get(0, 0), 0.006,
                Formats.label(pooled.output().get(0, 0), 9), pooled.description(pooled.steps().getFirst(),
                Formats.ninths(), Formats.locale()), "pooling"));
        List<Double> twelve = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(random.nextInt(10) / 10.0);
        }
        VoteTrace xVote = XoExample.vote().score("X", twelve);
        questions.add(new QuizQuestion(text.get("numeric.vote.prompt", Formats.list(twelve.stream()
                .map(v -> Formats.plain().format(v)).toList()),
                String.join(", ", xVote.positions().stream().map(p -> String.valueOf(p + 1)).toList())), xVote.score(), 0.006, Formats.plain().format(xVote.score()),
                xVote.writtenSum(Formats.plain()) + ".", "vote"));
        return questions;
    }

    /** The lesson's words in the page's language. */
    private static LessonText lessonText() {
        return LessonText.of(Lesson.XO);
    }
}
