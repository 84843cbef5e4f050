package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convlab.training.engine.RunStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The "Explain my model" page on a real saved run of the tiny CNN (conv 8 → pool → conv 16 → pool → dense). */
@Tag("database")
@SpringBootTest(properties = "convlab.runs-dir=" + TinyRuns.RUNS_DIR)
class ExplainViewTest extends OwnedRunsTest {

    @Autowired RunAnalysisService service;

    @BeforeAll
    static void runs() {
        TinyRuns.create();
    }

    private ExplainView open(String query) {
        // Browserless navigation takes no query string; the router does.
        UI.getCurrent().navigate("runs/" + TinyRuns.GOOD + "/explain", QueryParameters.fromString(query.replace("?", "")));
        ExplainView view = (ExplainView) UI.getCurrent().getCurrentView();
        RunViewTest.await(view.ready);
        RunViewTest.await(view.explanation.overviewShown);
        RunViewTest.await(view.explanation.traceShown);
        return view;
    }

    @Test
    void everyLayerIsShownWithItsMapsAndTheClassesWithThePrediction() {
        ExplainView view = open("?image=5");
        assertThat(view.imageNumber.getValue()).isEqualTo(5);
        List<LayerOutput> layers = view.explanation.overview.layers();
        assertThat(layers).extracting(LayerOutput::name).containsExactly("input", "conv2d", "max_pooling2d",
                "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1");
        // One picture per map: the input, 8 + 8 maps, 16 + 16 maps; flatten and dense as strips.
        assertThat(elements(view, "network-map")).hasSize(1 + 8 + 8 + 16 + 16 + 2);
        List<Element> classes = elements(view, "network-class");
        assertThat(classes).hasSize(10);
        int predicted = TinyRuns.predicted()[5];
        assertThat(classes.get(predicted).getClassList()).contains("predicted");
        assertThat(classes.get(predicted).getAttribute("aria-label")).endsWith(", the prediction");
        // It opens on the first conv layer's first map, its middle cell traced.
        assertThat(view.explanation.chosenLayer()).isEqualTo(1);
        NeuronTracePanel trace = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        assertThat(trace.getElement().getTextRecursively()).contains("Layer 1 (conv2d), map 1, row 15, column 15");
        assertThat(trace.result.getText()).endsWith("the same.");
    }

    @Test
    void aConvCellOfLayerThreeShowsEveryChannelAndItsLinesReachAllEightMaps() {
        ExplainView view = open("?image=2");
        view.explanation.choose(3, 4);
        Html lines = find(Html.class, view.explanation.diagram).all().getFirst();
        String svg = lines.getInnerHtml();
        assertThat(count(svg, "line-in")).isEqualTo(8); // every map of layer 2 feeds it
        assertThat(count(svg, "line-out")).isEqualTo(1); // pooling reads only its own map
        RunViewTest.await(view.explanation.explain(3, 4, 0, 6));
        NeuronTracePanel trace = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        String text = trace.getElement().getTextRecursively();
        assertThat(text).contains("Layer 3 (conv2d_1), map 5, row 1, column 7", "8 maps of layer 2",
                "cells outside the map are padding", "Sum over the 8 channels");
        assertThat(trace.getChildren().filter(c -> c.hasClassName("trace-channels")).findFirst().orElseThrow()
                .getChildren().count()).isEqualTo(8);
        assertThat(trace.result.getText()).endsWith("the same.");
    }

    @Test
    void anOutputUnitShowsSoftmaxAndAFlatLayerAsksForAUnit() {
        ExplainView view = open("");
        view.explanation.choose(7, 3);
        RunViewTest.await(view.explanation.traceShown);
        NeuronTracePanel trace = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        assertThat(trace.getElement().getTextRecursively()).contains("Layer 7 (dense_1), unit 4",
                "Softmax turns the layer's scores into probabilities");
        String tables = find(Html.class, trace).all().stream().map(Html::getInnerHtml).reduce("", String::concat);
        assertThat(tables).contains("(the prediction)", "<tr class=\"chosen\">");
        assertThat(view.explanation.chosenArea.getElement().getTextRecursively()).contains("10 values");
    }

    @Test
    void badAddressesShowSomethingSensible() {
        assertThat(open("?image=abc").imageNumber.getValue()).isZero();
        assertThat(open("?image=99999").imageNumber.getValue()).isZero();
        assertThat(open("?image=-4").imageNumber.getValue()).isZero();
        ExplainView missing = navigate("runs/no-such-run/explain", ExplainView.class);
        assertThat(find(H1.class, missing).single().getText()).isEqualTo("Run not found");
        ExplainView escape = navigate("runs/..%2F..%2Fetc/explain", ExplainView.class);
        assertThat(find(H1.class, escape).single().getText()).isEqualTo("Run not found");
    }

    @Test
    void theChosenFilterShowsItsWeightsAndTheTestImagesThatExciteItMost() {
        ExplainView view = open("");
        // Nothing is searched until the learner asks: it takes the shared worker a few seconds.
        assertThat(view.patterns.result.getElement().getTextRecursively()).contains("search the 10,000 test images");
        assertThat(find(Div.class, view.patterns.result).all().stream().filter(d -> d.hasClassName("patch-figure")))
                .isEmpty();
        RunViewTest.await(view.patterns.search(1, "conv2d", 0));
        String text = view.patterns.result.getElement().getTextRecursively();
        assertThat(text).contains("Filter 1 of layer 1 (conv2d)");
        assertThat(find(Div.class, view.patterns.result).all().stream().filter(d -> d.hasClassName("patch-figure")))
                .hasSize(FilterPatterns.SHOWN);
        // Strongest first: the captions end with each image's activation.
        List<Double> activations = find(Span.class, view.patterns.result).all().stream()
                .filter(span -> span.hasClassName("sample-caption"))
                .map(span -> Double.parseDouble(span.getText().substring(span.getText().lastIndexOf(' ') + 1)))
                .toList();
        assertThat(activations).hasSize(FilterPatterns.SHOWN).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // Another map of the same layer comes from the same search, at once.
        view.explanation.choose(1, 5);
        assertThat(view.patterns.result.getElement().getTextRecursively()).contains("Filter 6 of layer 1");
    }

    @Test
    void pruningSavesASmallerModelAsANewRunAndRefusesRemovingEveryFilter() {
        ExplainView view = open("");
        RunViewTest.await(view.pruning.ranked);
        assertThat(view.pruning.ranking.getElement().getTextRecursively()).startsWith("Weakest first: filter ");
        int before = savedRunCount();

        view.pruning.remove.setValue(8);
        view.pruning.prune();
        assertThat(view.pruning.remove.isInvalid()).isTrue();
        assertThat(view.pruning.remove.getErrorMessage()).isEqualTo("Remove between 1 and 7 filters: at least one must stay.");
        assertThat(savedRunCount()).isEqualTo(before);

        view.pruning.remove.setValue(2);
        view.pruning.prune();
        RunViewTest.await(view.pruning.pruned);
        String text = view.pruning.result.getElement().getTextRecursively();
        // conv 8→6: 2·(3·3·1+1) = 20 fewer, and the next conv loses 2·3·3·16 = 288 weights.
        assertThat(text).contains("conv2d: 8→6 filters", "test accuracy", "→", "Saved as a new run");
        assertThat(savedRunCount()).isEqualTo(before + 1);
        long params = RunStore.readRecord(Path.of(TinyRuns.RUNS_DIR, TinyRuns.GOOD)).params();
        assertThat(text).contains(RunText.count(params) + " → " + RunText.count(params - 20 - 288));
        assertThat(find(ConfusionMatrixPanel.class, view.pruning.result).all()).hasSize(1);
    }

    @Test
    void aLearnerPrunesOneModelAtATime() throws Exception {
        var run = service.find(TinyRuns.GOOD);
        var first = service.prune(run, 1, 1);
        var second = service.prune(run, 3, 2);
        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(second::join).hasMessageContaining("Your last pruning is still being measured");
        first.get(120, java.util.concurrent.TimeUnit.SECONDS);
        var third = service.prune(run, 3, 2);
        assertThat(third.get(120, java.util.concurrent.TimeUnit.SECONDS).description()).isEqualTo("conv2d_1: 16→14 filters");
    }

    @Test
    void theExplanationReadsInGermanWithDecimalCommas() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        ExplainView view = open("?image=5");
        assertThat(view.getPageTitle()).isEqualTo("Das Modell erklärt · ConvLab");
        assertThat(view.getElement().getTextRecursively()).contains("Ein Blick in", "← Zurück zum Lauf",
                "Wonach jeder Filter sucht", "Die schwächsten Filter entfernen");
        NeuronTracePanel trace = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        String text = trace.getElement().getTextRecursively();
        assertThat(text).contains("Schicht 1 (conv2d), Karte 1, Zeile 15, Spalte 15", "Filter 1 legt seinen 3×3-Kernel",
                " + Bias ");
        assertThat(trace.result.getText()).startsWith("Der Wert, den das Netz selbst für diese Zahl berechnet: ")
                .endsWith("– derselbe.");
        // The trace's sums carry decimal commas, never points.
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class, trace).all().stream()
                .filter(p -> p.hasClassName("trace-sum")).map(p -> p.getText()).toList())
                .isNotEmpty().allSatisfy(sum -> assertThat(sum).doesNotContainPattern("\\d\\.\\d"));
        List<Element> classes = elements(view, "network-class");
        assertThat(classes.get(TinyRuns.predicted()[5]).getAttribute("aria-label")).endsWith(", die Vorhersage")
                .containsPattern("\\d,\\d\\h%");
    }

    /**
     * The lessons' window animation inside the trace speaks German too: its grids' titles, the step's
     * sentence and the numbers in its cells and sums carry decimal commas.
     */
    @Test
    void theTracesWindowAnimationReadsInGermanWithDecimalCommas() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        ExplainView view = open("?image=5");
        NeuronTracePanel trace = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        List<Element> animations = trace.getElement().getChildren()
                .flatMap(ExplainViewTest::descendants)
                .filter(e -> "convlab-matrix-animation".equals(e.getTag())).toList();
        assertThat(animations).isNotEmpty();
        String data = animations.getFirst().getPropertyRaw("data").toString();
        assertThat(data).contains("Fenster 3×3", "Kernel-Ausschnitt 3×3", "Summe", "Der Kernel-Ausschnitt liegt über",
                "Die 9 Produkte ergeben zusammen").doesNotContain("Window", "Kernel slice", "The kernel slice");
        // Cell labels and sums are written with the page's decimal mark.
        assertThat(data).containsPattern("\"[-−]?\\d+,\\d+\"").doesNotContainPattern("\"[-−]?\\d+\\.\\d+\"");
        assertThat(animations.getFirst().getPropertyRaw("words").toString()).contains("\"decimal\":\",\"");
    }

    private static java.util.stream.Stream<Element> descendants(Element element) {
        if (element.isTextNode()) {
            return java.util.stream.Stream.empty();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(element),
                element.getChildren().flatMap(ExplainViewTest::descendants));
    }

    private int savedRunCount() {
        return service.savedRuns().size();
    }

    private static List<Element> elements(ExplainView view, String className) {
        return view.explanation.diagram.getElement().getChild(0).getChildren()
                .filter(e -> e.getClassList().contains(className)).toList();
    }

    private static int count(String text, String what) {
        return text.split(what, -1).length - 1;
    }
}
