package org.convlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convlab.i18n.Text;
import org.convlab.training.engine.NeuronTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The neuron trace writes its arithmetic in the reader's language: the words translated, the
 * numbers with the reader's decimal comma ("0,125") and never grouped, so a sum stays a sum.
 */
class NeuronTraceLanguagesTest {

    /** Held here: Vaadin keeps only a weak reference to the current UI, which a collection would clear. */
    private UI ui;

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    /** A first-layer cell over a colour image: channel sums 0.5, −0.25 and 1, bias 0.125. */
    private static NeuronTrace.ConvCell colourCell() {
        double[][][] zeros = new double[3][3][3];
        return new NeuronTrace.ConvCell(1, "conv2d", 0, 4, 4, 3, 1, 1, 3, 3, 32, 32, zeros, zeros, zeros,
                new double[] {0.5, -0.25, 1}, 0.125, 1.375, "relu", 1.375, 1.375);
    }

    /** An output unit with softmax over two classes, the second predicted. */
    private static NeuronTrace.DenseUnit outputUnit() {
        var softmax = new NeuronTrace.SoftmaxStep(new double[] {1.5, 2.25}, 2.25, new double[] {0.4724, 1}, 1.4724,
                new double[] {0.3208, 0.6792}, 1, List.of("Hemd", "Mantel"));
        var term = new NeuronTrace.Contribution(0, "pixel 1", 0.5, 1.5, 0.75, Text.of("run.trace.source.pixel", "1"));
        return new NeuronTrace.DenseUnit(2, "dense", 1, 784, List.of(term), 783, 1.25, 0.25, 2.25, "softmax",
                0.6792, 0.6792, softmax);
    }

    private void page(Locale language) {
        ui = new UI();
        ui.setLocale(language);
        UI.setCurrent(ui);
    }

    private static String tables(NeuronTracePanel panel) {
        return panel.getChildren().filter(Html.class::isInstance).map(c -> ((Html) c).getInnerHtml())
                .collect(Collectors.joining());
    }

    @Test
    void theSumOfAConvCellReadsInSpanishWithDecimalCommas() {
        page(Locale.of("es"));
        NeuronTracePanel panel = new NeuronTracePanel(colourCell());
        String text = panel.getElement().getTextRecursively();
        assertThat(panel.title()).isEqualTo("Capa 1 (conv2d), mapa 1, fila 5, columna 5");
        assertThat(text).contains("el rojo, el verde y el azul de la imagen de entrada",
                "con una porción del kernel para cada color", "El canal rojo: suma de productos 0,5",
                "Suma sobre rojo, verde y azul: 0,5 + −0,25 + 1 = 1,25", "1,25 + sesgo 0,125 = 1,375",
                "relu(1,375) = 1,375");
        assertThat(panel.result.getText()).isEqualTo("El valor que calcula la propia red para este número: 1,375, el mismo.");
        assertThat(text).doesNotContain("0.5", "Sum over", "bias");
    }

    @Test
    void softmaxReadsInGermanWithGermanPercentages() {
        page(Locale.GERMAN);
        NeuronTracePanel panel = new NeuronTracePanel(outputUnit());
        String text = panel.getElement().getTextRecursively();
        assertThat(panel.title()).isEqualTo("Schicht 2 (dense), Einheit 2");
        assertThat(text).contains("jeden ihrer 784 Eingänge", "Summe der Terme + Bias = 2,25",
                "Wahrscheinlichkeit = 1 / 1,472 = 0,679", "e hoch jeden Wert (minus den größten, 2,25;");
        assertThat(tables(panel)).contains("<th scope=\"col\">Wahrscheinlichkeit</th>", "Mantel (die Vorhersage)",
                "67,92", "Die übrigen 783 Terme zusammen", "<td>Pixel 1</td><td>0,5</td><td>1,5</td><td>0,75</td>");
    }

    @Test
    void withoutAPageTheTraceStaysEnglish() {
        NeuronTracePanel panel = new NeuronTracePanel(colourCell());
        assertThat(panel.getElement().getTextRecursively()).contains(
                "Sum over red, green and blue: 0.5 + −0.25 + 1 = 1.25", "1.25 + bias 0.125 = 1.375");
        assertThat(panel.result.getText()).isEqualTo("The network's own value for this number: 1.375 — the same.");
    }

    @Test
    void aWindowAtTheEdgeCountsItsPaddingInTheReadersWords() {
        // A 3×3 kernel at row −1, column −1 of a 28×28 map: one row above and one column to the left are padding.
        double[][][] zeros = new double[1][3][3];
        var corner = new NeuronTrace.ConvCell(1, "conv2d", 0, 0, 0, 3, 1, 1, -1, -1, 28, 28, zeros, zeros, zeros,
                new double[] {0}, 0, 0, "relu", 0, 0);
        assertThat(NeuronTracePanel.window(corner))
                .isEqualTo("rows 1–2 and a row of padding above, columns 1–2 and a column of padding to the left");
        page(Locale.GERMAN);
        assertThat(NeuronTracePanel.window(corner))
                .isEqualTo("Zeilen 1–2 und eine Zeile Padding darüber, Spalten 1–2 und eine Spalte Padding links");
    }
}
