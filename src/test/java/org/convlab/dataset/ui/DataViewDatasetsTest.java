package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.convlab.account.AppUser;
import org.convlab.account.AppUserRepository;
import org.convlab.account.Role;
import org.convlab.account.TestAccounts;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.TinyColourSet;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.library.DatasetRefused;
import org.convlab.dataset.library.StoredDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Data page for any data set a learner may use: the picker, {@code ?dataset=KEY}, a colour set
 * in colour, "Train on it" and the download, refused for sets that are not the learner's to use.
 */
@Tag("database")
@SpringBootTest
class DataViewDatasetsTest extends SpringBrowserlessTest {

    @Autowired
    DatasetCatalog catalog;
    @Autowired
    AppUserRepository users;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A fresh learner (names are unique, so a database kept between runs never fills their quota). */
    private AppUser learner(String who) {
        return TestAccounts.as(users, who + "-" + UUID.randomUUID().toString().substring(0, 8), Role.LEARNER);
    }

    /** The tiny two-class colour set, imported as {@code owner}'s through the catalogue's one way in. */
    private DatasetChoice colourSetOf(AppUser owner) throws IOException {
        Path folder = catalog.newFolder(owner, "Tiny colours");
        TinyColourSet.write(folder);
        return catalog.register(owner, null, StoredDataset.Source.IMPORT, "Tiny colours", folder);
    }

    /** The Data page at data?dataset=KEY (the key as the browser sends it, decoded). */
    private DataView open(String key) {
        UI.getCurrent().navigate("data", QueryParameters.of("dataset", key));
        return (DataView) getCurrentView();
    }

    private static BufferedImage decoded(PixelImage image) throws IOException {
        String src = image.getSrc();
        assertThat(src).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
    }

    @Test
    void thePickerListsTheBuiltInSetsAndShowsTheDefaultWithNothingToDownload() {
        DataView view = navigate(DataView.class);

        List<String> keys = view.picker.getListDataView().getItems().map(DatasetChoice::key).toList();
        assertThat(keys).startsWith(DatasetLibrary.DEFAULT_KEY, DatasetLibrary.DEMO_KEY);
        assertThat(view.picker.getValue().key()).isEqualTo(DatasetLibrary.DEFAULT_KEY);
        assertThat(view.picker.getLabel()).isEqualTo("Data set");
        assertThat(view.note.isVisible()).isFalse();
        assertThat(view.train.getHref()).isEqualTo("train");
        assertThat(view.train.getText()).isEqualTo("Train on it →");
        assertThat(view.download).as("built-in sets are not offered as a zip").isNull();
        assertThatThrownBy(() -> view.downloadable(DatasetLibrary.DEFAULT_KEY)).isInstanceOf(DatasetRefused.class);
        assertThat(view.getElement().getTextRecursively()).contains("Fashion-MNIST has 60,000 training images");
    }

    /**
     * Another learner's key typed into the address, a key that exists nowhere and hostile keys all
     * get the same one line (so nobody learns whether someone else's set exists) and the default set;
     * the download is refused on the server too, whatever the page showed.
     */
    @Test
    void aForgedKeyIsRefusedInOneLineAndTheDefaultIsShown() throws IOException {
        DatasetChoice theirs = colourSetOf(learner("owner"));
        learner("other");

        for (String key : List.of(theirs.key(), "no-such-set-12345", "../../etc/passwd", "fashion-mnist\u0000",
                "<script>alert(1)</script>", "x".repeat(500), " ", "COLOUR-SHAPES")) {
            DataView view = open(key);
            String line = view.note.getText();
            assertThat(view.note.isVisible()).as(key).isEqualTo(!key.isBlank());
            if (!key.isBlank()) {
                assertThat(line).startsWith("There is no data set \"").endsWith("\" you can use, so Fashion-MNIST is shown.")
                        .doesNotContain("\u0000").hasSizeLessThan(120);
            }
            assertThat(view.picker.getValue().key()).isEqualTo(DatasetLibrary.DEFAULT_KEY);
            assertThat(view.getElement().getTextRecursively()).contains("Fashion-MNIST").doesNotContain("Tiny colours");
            assertThat(view.download).isNull();
            assertThat(view.train.getHref()).isEqualTo("train");
        }
        // Theirs and nobody's read alike but for the key.
        String refusedTheirs = open(theirs.key()).note.getText().replace(theirs.key(), "KEY");
        String refusedNobody = open("no-such-set-12345").note.getText().replace("no-such-set-12345", "KEY");
        assertThat(refusedTheirs).isEqualTo(refusedNobody);

        DataView view = navigate(DataView.class);
        assertThatThrownBy(() -> view.downloadable(theirs.key())).isInstanceOf(DatasetRefused.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> view.downloadable(theirs.key())).as("a guest").isInstanceOf(DatasetRefused.class);
    }

    @Test
    void aColourSetShowsItsImagesInColourAndOffersTrainingAndTheZip() throws IOException {
        AppUser owner = learner("owner");
        DatasetChoice mine = colourSetOf(owner);

        DataView view = open(mine.key());

        assertThat(view.note.isVisible()).isFalse();
        assertThat(view.picker.getValue().key()).isEqualTo(mine.key());
        Dataset set = catalog.library().dataset(mine.key());
        List<PixelImage> samples = find(PixelImage.class, view.overview.samples).all();
        assertThat(samples).hasSize(SampleGallery.SIZE);
        for (PixelImage sample : samples) {
            BufferedImage png = decoded(sample);
            assertThat(png.getColorModel().getNumColorComponents()).as("an RGB PNG").isEqualTo(3);
            assertThat(png.getWidth()).isEqualTo(32);
            int index = Integer.parseInt(sample.getParent().orElseThrow().getElement().getAttribute("data-index"));
            for (int ch = 0; ch < 3; ch++) {
                for (int col : new int[] {0, 13, 31}) {
                    assertThat(png.getRaster().getSample(col, 5, ch)).isEqualTo(set.train().pixel(index, ch, 5, col));
                }
            }
        }
        // The mean image of the red class is red: its red band above green and blue.
        PixelImage averageRed = find(PixelImage.class, view.overview).all().stream()
                .filter(i -> i.getAlt().orElse("").equals("Average red (train)")).findFirst().orElseThrow();
        BufferedImage mean = decoded(averageRed);
        assertThat(mean.getColorModel().getNumColorComponents()).isEqualTo(3);
        assertThat(mean.getRaster().getSample(4, 4, 0)).isEqualTo(TinyColourSet.value(0, 0, 4, 4));
        assertThat(mean.getRaster().getSample(4, 4, 1)).isEqualTo(TinyColourSet.value(0, 1, 4, 4));

        var brightness = view.overview.brightnessChart.config();
        assertThat(brightness.seriesNames()).containsExactly("red", "green", "blue");
        assertThat(brightness.seriesValues(0).get(0).doubleValue()).isGreaterThan(brightness.seriesValues(1).get(0).doubleValue());
        assertThat(brightness.seriesValues(1).get(1).doubleValue()).isGreaterThan(brightness.seriesValues(0).get(1).doubleValue());
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Tiny colours has 4 training images and 2 test images of 2 classes, each 32×32 pixels in colour",
                "Every class is about as bright as the others",
                "Per channel, the reddest are red images (mean red 195.5) and the greenest are green images",
                "1 test image.", "red 110.5, green 110.5 and blue 25.5")
                .doesNotContain("clothing", "Shirt", "bluest");
        Grid<?> table = find(Grid.class, view.overview).single();
        assertThat(table.getColumns().getLast().getHeaderText()).isEqualTo("Red / green / blue (training)");

        assertThat(view.train.getHref()).isEqualTo("train?dataset=" + mine.key());
        assertThat(view.download).isNotNull();
        assertThat(view.download.isVisible()).isTrue();
        assertThat(view.downloadable(mine.key()).name()).isEqualTo("Tiny colours");

        // Choosing the default in the picker (as a learner does) shows it, and takes the zip away.
        test(view.picker).selectItem("Fashion-MNIST");
        view = (DataView) getCurrentView();
        assertThat(view.picker.getValue().key()).isEqualTo(DatasetLibrary.DEFAULT_KEY);
        assertThat(view.getElement().getTextRecursively()).contains("Fashion-MNIST has 60,000 training images");
        assertThat(view.download).isNull();
        assertThat(view.train.getHref()).isEqualTo("train");
        test(view.picker).selectItem("Tiny colours (yours)");
        view = (DataView) getCurrentView();
        assertThat(view.train.getHref()).isEqualTo("train?dataset=" + mine.key());
        assertThat(view.download).isNotNull();

        // Shown again without a key, the default; no zip.
        view.show(null);
        assertThat(view.download).isNull();
        assertThat(view.train.getHref()).isEqualTo("train");
    }

    /**
     * The download itself, as the browser asks for it: the owner gets the zip of image folders; a
     * learner who kept (or forged) the link gets a refusal and no image, because the handler asks
     * the catalogue again when the download is requested.
     */
    @Test
    void theZipIsStreamedToWhoMayUseTheSetAndRefusedToAnyoneElse() throws IOException {
        AppUser owner = learner("owner");
        DatasetChoice mine = colourSetOf(owner);
        DataView view = open(mine.key());
        DownloadHandler handler = view.zipOf(mine.key());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(zip);
        handler.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), response, null, null));
        verify(response).setContentType("application/zip");
        verify(response, never()).setStatus(anyInt());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("train/red/00000.png", "train/green/00001.png", "test/green/00000.png")
                .filteredOn(n -> n.endsWith(".png")).hasSize(6);

        learner("other");
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        StringWriter line = new StringWriter();
        VaadinResponse other = mock(VaadinResponse.class);
        when(other.getOutputStream()).thenReturn(refused);
        when(other.getWriter()).thenReturn(new PrintWriter(line));
        handler.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), other, null, null));
        verify(other).setStatus(403);
        assertThat(refused.size()).isZero();
        assertThat(line.toString()).startsWith("There is no data set").doesNotContain("Tiny colours", "/");
    }
}
