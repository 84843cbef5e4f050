package org.convlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Image;
import java.util.List;
import org.convlab.base.ui.Heatmap;
import org.convlab.base.ui.PixelImage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.Tag;

@Tag("database")
@SpringBootTest
class DataViewTest extends SpringBrowserlessTest {

    @Test
    void showsTwentyFourLabelledSamplesAndReshufflesThem() {
        DataView view = navigate(DataView.class);
        List<PixelImage> samples = find(PixelImage.class, view.overview.samples).all();
        assertThat(samples).hasSize(24);
        assertThat(samples).allSatisfy(image -> {
            assertThat(image.getSrc()).startsWith("data:image/png;base64,");
            assertThat(image.getAlt().orElseThrow()).matches(".+, training image #\\d+");
        });
        List<String> before = samples.stream().map(Image::getSrc).toList();

        test(view.overview.reshuffle).click();

        List<String> after = find(PixelImage.class, view.overview.samples).all().stream().map(Image::getSrc).toList();
        assertThat(after).hasSize(24).isNotEqualTo(before);
    }

    @Test
    void chartsCompareTrainingAndTestPerClass() {
        DataView view = navigate(DataView.class);
        var balance = view.overview.balanceChart.config();
        assertThat(balance.type()).isEqualTo("bar");
        assertThat(balance.labels()).hasSize(10).contains("Shirt", "Ankle boot");
        assertThat(balance.seriesNames()).containsExactly("training", "test");
        assertThat(balance.seriesValues(0)).allMatch(n -> n.intValue() == 6_000);
        assertThat(balance.seriesValues(1)).allMatch(n -> n.intValue() == 1_000);

        var brightness = view.overview.brightnessChart.config();
        assertThat(brightness.seriesValues(0)).hasSize(10).allMatch(n -> n.doubleValue() > 20 && n.doubleValue() < 120);
    }

    @Test
    void showsMeanImagesAndCorrelationsWithTheirPairsCalledOut() {
        DataView view = navigate(DataView.class);
        assertThat(find(PixelImage.class, view).withAttribute("alt").all()
                .stream().filter(i -> i.getAlt().orElse("").startsWith("Average "))).hasSize(20);
        assertThat(find(Heatmap.class, view).all()).hasSize(2);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Most alike:", "Least alike:", "Training split", "divides every pixel by 255");
    }
}
