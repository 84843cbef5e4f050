package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.convlab.lesson.Fractions;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.ValueFormat;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRenditions;
import org.convlab.lesson.xo.XoRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The X/O network page: the decks' hand-made network run by DJL and explained like a learner's own,
 * with the lesson's numbers everywhere and the deck's test vector scored 0.91 and 0.51.
 */
@Tag("database")
@SpringBootTest
class XoNetworkViewTest extends SpringBrowserlessTest {

    private XoNetworkView open() {
        UI.getCurrent().navigate("learn/x-or-o/network");
        XoNetworkView view = (XoNetworkView) UI.getCurrent().getCurrentView();
        RunViewTest.await(view.explanation.overviewShown);
        RunViewTest.await(view.explanation.traceShown);
        return view;
    }

    @Test
    void theThreeMapsThePoolingAndTheTwelveValuesAreTheLessons() {
        XoNetworkView view = open();
        XoRun lesson = XoExample.x();
        List<Html> maps = find(Html.class, view.maps).all();
        assertThat(maps).hasSize(3);
        for (int f = 0; f < 3; f++) {
            String html = maps.get(f).getInnerHtml();
            Matrix relu = lesson.passes().get(f).relu().output();
            StringBuilder firstRow = new StringBuilder();
            for (int c = 0; c < 7; c++) {
                firstRow.append("<td>").append(Fractions.format(relu.get(0, c), 9)).append("</td>");
            }
            assertThat(html).contains(firstRow).contains(f == 0 ? "falling diagonal" : f == 1 ? "cross" : "rising diagonal");
        }
        // The deck's first map opens with 7/9 in its corner.
        assertThat(maps.getFirst().getInnerHtml()).contains("<tr><td>7/9</td>");
        List<String> twelve = lesson.vector().stream().map(v -> Fractions.format(v, 9)).toList();
        assertThat(view.vector.getElement().getTextRecursively()).contains(String.join(",  ", twelve))
                .contains("X 1.00", "The network says X.");
        assertThat(view.explanation.overview.layers()).extracting(l -> l.name()).containsExactly("input", "conv2d",
                "max_pooling2d", "max_pooling2d_1", "flatten", "dense");
    }

    @Test
    void theOTakesTheOtherSideOfTheVote() {
        XoNetworkView view = open();
        test(view.picture).selectItem("O");
        RunViewTest.await(view.explanation.overviewShown);
        List<String> twelve = XoExample.o().vector().stream().map(v -> Fractions.format(v, 9)).toList();
        assertThat(view.vector.getElement().getTextRecursively()).contains(String.join(",  ", twelve))
                .contains("The network says O.");
        // Every rendition of the lesson can be chosen.
        assertThat(test(view.picture).getSuggestions()).hasSize(XoRenditions.all().size());
    }

    @Test
    void theDecksTestVectorScoresAsTheDeckWritesIt() {
        XoNetworkView view = open();
        String text = view.deckTest.getElement().getTextRecursively();
        assertThat(text).contains("X: 0.9 + 0.87 + 0.96 + 0.89 + 0.94 = 4.56, and 4.56 / 5 = 0.912, which the deck "
                + "writes as 0.91.");
        assertThat(text).contains("= 0.5175, which the deck writes as 0.51.");
        assertThat(text).contains("The deck's result: X 0.91 against O 0.51.");
        List<NeuronTracePanel> units = find(NeuronTracePanel.class, view.deckTest).all();
        assertThat(units).hasSize(2);
        assertThat(units).allSatisfy(unit -> assertThat(unit.result.getText()).endsWith("the same."));
        String tables = find(Html.class, view.deckTest).all().stream().map(Html::getInnerHtml).reduce("", String::concat);
        assertThat(tables).contains("<td>value</td><td>0.9</td><td>0.65</td>");
        String weights = find(Html.class, view).all().stream().map(Html::getInnerHtml)
                .filter(h -> h.contains("The dense layer's weights")).findFirst().orElseThrow();
        // X lights up values 1, 4, 5, 10 and 11: 1/5 there, 0 elsewhere.
        assertThat(weights).contains("<tr><td>X</td><td>1/5</td><td>0</td><td>0</td><td>1/5</td><td>1/5</td>");
        assertThat(XoNetworkView.asTheDeck(0.912)).isEqualTo("0.91");
        assertThat(XoNetworkView.asTheDeck(0.5175)).isEqualTo("0.51");
    }

    @Test
    void aTracedConvCellIsTheLessonsAndAnEdgePoolingCellSaysItHangsOver() {
        XoNetworkView view = open();
        RunViewTest.await(view.explanation.explain(1, 0, 0, 0));
        NeuronTracePanel conv = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        double lesson = XoExample.x().passes().getFirst().convolution().output().get(0, 0);
        assertThat(conv.getElement().getTextRecursively()).contains("Layer 1 (conv2d), map 1, row 1, column 1");
        assertThat(conv.result.getText()).isEqualTo("The network's own value for this number: "
                + ValueFormat.plain().format(lesson) + " — the same.");
        RunViewTest.await(view.explanation.explain(2, 2, 3, 3));
        NeuronTracePanel pool = find(NeuronTracePanel.class, view.explanation.traceArea).single();
        assertThat(pool.getElement().getTextRecursively()).contains("hangs over the edge", "only its one cell inside the map counts");
        assertThat(pool.result.getText()).endsWith("the same.");
    }

    @Test
    void theLessonLinksHere() {
        UI.getCurrent().navigate("learn/x-or-o");
        assertThat(find(Anchor.class, (com.vaadin.flow.component.Component) UI.getCurrent().getCurrentView()).all())
                .extracting(Anchor::getHref).contains("learn/x-or-o/network");
    }

    /** In German the pictures are named as the lesson names them, the filters and the vote in German. */
    @Test
    void thePicturesAndTheVoteReadInGerman() {
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        XoNetworkView view = open();
        assertThat(test(view.picture).getSuggestions()).contains("X", "O", "Schräges X", "Verschobenes X")
                .doesNotContain("Slanted X");
        test(view.picture).selectItem("Schräges X");
        RunViewTest.await(view.explanation.overviewShown);
        assertThat(find(Html.class, view.maps).all().getFirst().getInnerHtml()).contains("Filter fallende Diagonale");
    }
}
