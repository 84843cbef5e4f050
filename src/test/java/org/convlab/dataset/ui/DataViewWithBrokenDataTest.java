package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.IOException;
import java.nio.file.Path;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.PixelImage;
import org.convlab.dataset.DatasetService;
import org.convlab.dataset.HostileData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
@SpringBootTest(properties = "convlab.data-dir=target/no-such-data-folder")
class DataViewWithBrokenDataTest extends SpringBrowserlessTest {

    @Test
    void saysWhatIsWrongAndHowToFixItInsteadOfFailing() {
        DataView view = navigate(DataView.class);
        DataProblem problem = find(DataProblem.class, view).single();
        String text = problem.getElement().getTextRecursively();
        assertThat(text).contains("cannot be loaded", "no-such-data-folder does not exist", "CONVLAB_DATA_DIR");
        assertThat(find(PixelImage.class, view).all()).isEmpty();
        assertThat(find(Chart.class, view).all()).isEmpty();
        assertThat(text).as("no server path on a learner's page")
                .doesNotContain(Path.of("target").toAbsolutePath().normalize().toString());
    }

    /**
     * A gzip bomb in the data folder (a few MB that inflate to 4 GiB): the page says what is wrong
     * with which file, by its name only, instead of failing with an OutOfMemoryError, and says it
     * again on the next visit without inflating the file again.
     */
    @Test
    void aGzipBombIsAProblemPanelNotAnError(@TempDir Path dir) throws IOException {
        HostileData.Case bomb = HostileData.cases().filter(c -> c.name().startsWith("gzip bomb: 1,000 images"))
                .findFirst().orElseThrow();
        DatasetService datasets = new DatasetService(bomb.prepare(dir));

        for (int visit = 0; visit < 2; visit++) {
            String text = find(DataProblem.class, new DatasetOverview(datasets, true)).single().getElement().getTextRecursively();
            assertThat(text).contains("cannot be loaded",
                    "train-images-idx3-ubyte.gz: the file is larger than its header says").doesNotContain(dir.toString());
        }
    }
}
