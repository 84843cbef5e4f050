package org.convlab.lesson.xo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.convlab.lesson.Cell;
import org.convlab.lesson.Matrix;
import org.junit.jupiter.api.Test;

class XoRenditionsTest {

    @Test
    void slantedXDiffersFromTheXWhereTheDeckMarksIt() {
        // Deck 001's comparison grid marks these cells (one-based row, column) with an x.
        int[][] marked = {
            {2, 2}, {2, 7}, {2, 8}, {3, 2}, {3, 3}, {3, 6}, {3, 7}, {4, 3}, {6, 7},
            {7, 3}, {7, 4}, {7, 7}, {7, 8}, {8, 2}, {8, 3}, {8, 8}
        };
        List<Cell> expected = new ArrayList<>();
        for (int[] cell : marked) {
            expected.add(new Cell(cell[0] - 1, cell[1] - 1));
        }
        Matrix x = XoImages.x();
        Matrix slanted = XoImages.slantedX();
        List<Cell> differing = new ArrayList<>();
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                if (x.get(r, c) != slanted.get(r, c)) {
                    differing.add(new Cell(r, c));
                }
            }
        }
        assertThat(differing).containsExactlyElementsOf(expected);
    }

    @Test
    void transformsMoveAndThickenStrokes() {
        Matrix shifted = XoImages.shifted(XoImages.x(), 0, 1);
        assertThat(shifted.get(1, 2)).isEqualTo(1);
        assertThat(shifted.get(1, 1)).isEqualTo(-1);
        assertThat(shifted.get(1, 8)).isEqualTo(1);
        assertThat(XoImages.bold(XoImages.x()).values().stream().filter(v -> v == 1)).hasSize(41);
    }

    @Test
    void aShiftFoolsTheWholePictureMatchButNotTheFilters() {
        RenditionComparison shifted = XoRenditions.compare(XoRenditions.byId("x-shifted"));
        // Whole picture: X and O only 6/81 apart. Filters: X 0.911 against O 0.556.
        assertThat(shifted.wholeImageMatch().get("X")).isCloseTo(29 / 81.0, within(1e-12));
        assertThat(shifted.wholeImageMatch().get("O")).isCloseTo(23 / 81.0, within(1e-12));
        assertThat(shifted.run().votes().get("X").score()).isCloseTo(41 / 45.0, within(1e-12));
        assertThat(shifted.run().votes().get("O").score()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(shifted.run().winner()).isEqualTo("X");
    }

    @Test
    void everyRenditionIsRecognised() {
        for (Rendition rendition : XoRenditions.all()) {
            RenditionComparison result = XoRenditions.compare(rendition);
            String letter = rendition.id().substring(0, 1).toUpperCase();
            assertThat(result.run().winner()).as(rendition.id()).isEqualTo(letter);
            assertThat(result.wholeImageWinner()).as(rendition.id()).isEqualTo(letter);
        }
        RenditionComparison slanted = XoRenditions.compare(XoRenditions.byId("x-slanted"));
        assertThat(slanted.run().votes().get("X").score()).isCloseTo(37 / 45.0, within(1e-12));
        RenditionComparison bold = XoRenditions.compare(XoRenditions.byId("x-bold"));
        // Thick strokes hardly fit thin 3×3 diagonals: X still wins, but narrowly.
        assertThat(bold.run().votes().get("X").score()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(bold.run().votes().get("O").score()).isCloseTo(5 / 18.0, within(1e-12));
    }

    @Test
    void aQuarterTurnChangesNoneOfTheLetters() {
        for (Matrix letter : List.of(XoImages.x(), XoImages.o(), XoImages.slantedX())) {
            Matrix turned = Matrix.generate(9, 9, (r, c) -> letter.get(c, 8 - r));
            assertThat(turned).isEqualTo(letter);
        }
    }

    @Test
    void unknownIdIsExplained() {
        assertThatThrownBy(() -> XoRenditions.byId("z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no image 'z'")
                .hasMessageContaining("x-shifted");
    }
}
