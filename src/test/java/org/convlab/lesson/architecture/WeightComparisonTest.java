package org.convlab.lesson.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.convlab.model.LayerShape;
import org.junit.jupiter.api.Test;

class WeightComparisonTest {

    @Test
    void deck003sTenByTenExample() {
        WeightComparison deck = WeightComparison.deckExample();
        assertThat(deck.denseWeights()).isEqualTo(3_200);
        assertThat(deck.convWeights()).isEqualTo(288);
        assertThat(deck.denseFormula()).isEqualTo("10·10·1 inputs × 32 units = 3,200 weights");
        assertThat(deck.convFormula()).isEqualTo("32 kernels × 3·3·1 = 288 weights");
    }

    @Test
    void largeImagesNeedAHugeDenseLayer() {
        // Deck 001: every unit fed a 200×200×3 image needs 120,000 weights; a 28×28×3 one, 2,352.
        WeightComparison big = new WeightComparison(LayerShape.image(3, 200, 200), 1000, 32, 3);
        assertThat(big.denseWeightsPerUnit()).isEqualTo(120_000);
        assertThat(big.denseWeights()).isEqualTo(120_000_000L);
        assertThat(big.convWeights()).as("kernels do not grow with the image").isEqualTo(32 * 27);
        assertThat(new WeightComparison(LayerShape.image(3, 28, 28), 1, 1, 3).denseWeightsPerUnit()).isEqualTo(2_352);
        // Deck 003's 200×200 colour photo into 32 units: the count is written with its thousands marked.
        assertThat(new WeightComparison(LayerShape.image(3, 200, 200), 32, 32, 3).denseFormula())
                .isEqualTo("200·200·3 inputs × 32 units = 3,840,000 weights");
    }

    @Test
    void needsAnImageShape() {
        assertThatThrownBy(() -> new WeightComparison(LayerShape.vector(100), 32, 32, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("height, width, channels");
        assertThatThrownBy(() -> new WeightComparison(LayerShape.image(1, 0, 10), 32, 32, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
