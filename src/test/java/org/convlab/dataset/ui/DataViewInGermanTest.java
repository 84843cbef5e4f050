package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import org.convlab.base.ui.PixelImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Data page for a reader whose language is German or Spanish: headings, charts and the words
 * under them in that language, numbers as it writes them, and Fashion-MNIST's class names as the
 * data set names them.
 */
@Tag("database")
@SpringBootTest
class DataViewInGermanTest extends SpringBrowserlessTest {

    private DataView openIn(Locale language) {
        UI.getCurrent().setLocale(language);
        return navigate(DataView.class);
    }

    @Test
    void theDataPageReadsInGermanWithGermanNumbers() {
        DataView view = openIn(Locale.GERMAN);

        assertThat(find(H1.class, view).single().getText()).isEqualTo("Die Daten erkunden");
        assertThat(find(H2.class, view).all().stream().map(H2::getText))
                .contains("Beispielbilder", "Verteilung der Klassen", "Welche Klassen sehen sich ähnlich?");
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Fashion-MNIST hat 60.000 Trainingsbilder und 10.000 Testbilder in 10 Kleidungsarten")
                .contains("Jede Klasse hat genau 6.000 Trainingsbilder und 1.000 Testbilder")
                .containsPattern("nur bei 10\\h% richtig")
                .contains("Am ähnlichsten:")
                .doesNotContain("!{", "training images", "Most alike");
        // Means are written with a decimal comma: "(Mittelwert 31,2)".
        assertThat(text).containsPattern("Mittelwert \\d+,\\d\\)");
        assertThat(view.picker.getLabel()).isEqualTo("Datensatz");
        assertThat(view.picker.getHelperText()).isEqualTo("Fashion-MNIST · 10 Klassen · 28×28 Graustufen · 60.000 + 10.000 Bilder");
        assertThat(view.overview.balanceChart.config().seriesNames()).containsExactly("Training", "Test");
        // The data set's own class names are data: they stay as the set names them.
        assertThat(view.overview.balanceChart.config().labels()).contains("T-shirt/top", "Ankle boot");
        assertThat(find(PixelImage.class, view.overview.samples).all())
                .allSatisfy(image -> assertThat(image.getAlt().orElseThrow()).matches(".+, Trainingsbild Nr\\. \\d+"));
        assertThat(view.getPageTitle()).isEqualTo("Daten · ConvLab");
        // The colour demo that comes with ConvLab has a German name; a set's key stays as it is.
        assertThat(view.picker.getListDataView().getItems().map(view.picker.getItemLabelGenerator()))
                .contains("Fashion-MNIST", "Farbformen");
    }

    @Test
    void aSetTheLearnerMayNotUseIsRefusedInSpanish() {
        openIn(Locale.of("es"));
        UI.getCurrent().navigate("data", QueryParameters.of("dataset", "no-such-set"));
        DataView view = (DataView) getCurrentView();

        assertThat(find(H1.class, view).single().getText()).isEqualTo("Explora los datos");
        assertThat(view.note.getText()).isEqualTo("No hay ningún conjunto de datos «no-such-set» que puedas usar, "
                + "así que se muestra Fashion-MNIST.");
        assertThat(view.getElement().getTextRecursively()).contains("60.000 imágenes de entrenamiento");
    }
}
