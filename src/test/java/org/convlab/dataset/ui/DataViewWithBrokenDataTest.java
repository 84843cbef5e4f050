package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.convlab.base.ui.Chart;
import org.convlab.base.ui.PixelImage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

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
    }
}
