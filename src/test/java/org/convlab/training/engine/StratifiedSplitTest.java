package org.convlab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static final ImageSet DATA = TrainingFixtures.train().first(1000);

    @Test
    void theSplitFromLabelsAloneIsTheSplitTheTrainerUses() {
        StratifiedSplit.Split images = StratifiedSplit.split(DATA, 0.1, 42);
        StratifiedSplit.Indices indices = StratifiedSplit.indices(DATA.labels(), DATA.classes(), 0.1, 42);
        assertThat(DATA.select(indices.validation()).pixels()).isEqualTo(images.validation().pixels());
        assertThat(DATA.select(indices.train()).pixels()).isEqualTo(images.train().pixels());
        assertThat(indices.train().length + indices.validation().length).isEqualTo(1000);
    }

    @Test
    void everyClassGivesItsShareWhileARandomSplitOfTheSameSizeDoesNot() {
        int[] labels = DATA.labels();
        int[] all = StratifiedSplit.countPerClass(labels, range(labels.length), 10);
        int[] stratified = StratifiedSplit.countPerClass(labels,
                StratifiedSplit.indices(labels, 10, 0.1, 42).validation(), 10);
        StratifiedSplit.Indices random = StratifiedSplit.random(labels, 0.1, 42);
        int[] randomHeld = StratifiedSplit.countPerClass(labels, random.validation(), 10);
        for (int c = 0; c < 10; c++) {
            assertThat(stratified[c]).as("class " + c).isEqualTo((int) Math.round(all[c] * 0.1));
        }
        assertThat(random.validation()).hasSize(100).doesNotHaveDuplicates();
        assertThat(random.train()).hasSize(900);
        assertThat(Arrays.stream(randomHeld).sum()).isEqualTo(100);
        // Held out at random, some class is at least two images off its fair share.
        assertThat(java.util.stream.IntStream.range(0, 10).map(c -> Math.abs(randomHeld[c] - stratified[c])).max().orElse(0))
                .isGreaterThanOrEqualTo(2);
        assertThat(StratifiedSplit.random(labels, 0.1, 42).validation()).isEqualTo(random.validation());
        assertThat(StratifiedSplit.random(labels, 0.1, 43).validation()).isNotEqualTo(random.validation());
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }
}
