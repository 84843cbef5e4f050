package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.util.Locale;
import org.convlab.account.SignedIn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The import page's words: its own in English as before, and in German and Spanish, including the
 * upload component's built-in English (its buttons, drop hint and errors) from the bundle.
 */
@SignedIn(username = "importer")
@Tag("database")
@SpringBootTest
class ImportDatasetViewTest extends SpringBrowserlessTest {

    private ImportDatasetView openIn(Locale language) {
        UI.getCurrent().setLocale(language);
        return navigate(ImportDatasetView.class);
    }

    @Test
    void theImportPageReadsInEnglish() {
        ImportDatasetView view = openIn(Locale.ENGLISH);

        assertThat(find(H1.class, view).single().getText()).isEqualTo("Import a data set");
        assertThat(view.name.getLabel()).isEqualTo("Name of the data set");
        assertThat(view.size.getItemLabelGenerator().apply(28)).isEqualTo("28×28 (as MNIST)");
        assertThat(view.audience.getItemLabelGenerator().apply(ImportDatasetView.MYSELF)).isEqualTo("Myself");
        assertThat(view.upload.getI18n().getError().getIncorrectFileType()).isEqualTo("Choose a .zip file.");
        assertThat(view.getPageTitle()).isEqualTo("Import a data set · ConvLab");
    }

    @Test
    void theImportPageAndItsUploadReadInGerman() {
        ImportDatasetView view = openIn(Locale.GERMAN);

        assertThat(find(H1.class, view).single().getText()).isEqualTo("Einen Datensatz importieren");
        assertThat(view.name.getLabel()).isEqualTo("Name des Datensatzes");
        assertThat(view.size.getItemLabelGenerator().apply(32)).isEqualTo("32×32 (wie CIFAR)");
        assertThat(view.audience.getItemLabelGenerator().apply(ImportDatasetView.MYSELF)).isEqualTo("Mich selbst");
        assertThat(view.cancel.getText()).isEqualTo("Import abbrechen");
        assertThat(view.upload.getI18n().getAddFiles().getOne()).isEqualTo("Datei hochladen …");
        assertThat(view.upload.getI18n().getError().getFileIsTooBig()).isEqualTo("Die Datei ist zu groß.");
        assertThat(view.getElement().getTextRecursively()).doesNotContain("!{").contains("ein Fünftel jeder Klasse");
    }

    @Test
    void theUploadSpeaksSpanish() {
        ImportDatasetView view = openIn(Locale.of("es"));

        assertThat(find(H1.class, view).single().getText()).isEqualTo("Importar un conjunto de datos");
        assertThat(view.upload.getI18n().getDropFiles().getOne()).isEqualTo("Suelta el archivo aquí");
        assertThat(view.upload.getI18n().getUploading().getStatus().getConnecting()).isEqualTo("Conectando…");
    }
}
