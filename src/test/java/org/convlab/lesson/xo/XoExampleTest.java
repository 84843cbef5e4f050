package org.convlab.lesson.xo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.convlab.lesson.Cell;
import org.convlab.lesson.ConvolutionStep;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.PoolingStep;
import org.convlab.lesson.ValueFormat;
import org.junit.jupiter.api.Test;

/**
 * The X/O pipeline against decks 001 and 003. The deck matrices are typed as the deck prints them
 * (two decimals, cut rather than rounded); {@link #deck} turns each into the ninth it stands for.
 */
class XoExampleTest {

    private static final double EXACT = 1e-12;

    private final XoRun x = XoExample.x();

    /** The deck's 0.77 is 7/9, 0.55 is 5/9, −0.11 is −1/9: the nearest ninth of each printed value. */
    private static Matrix deck(double[][] printed) {
        return Matrix.of(printed).map(v -> Math.round(v * 9) / 9.0);
    }

    /** The deck prints each ninth cut (not rounded) to two decimals. */
    private static void assertDeckPrints(Matrix computed, double[][] printed) {
        Matrix cut = computed.map(v -> (long) (v * 100 + Math.signum(v) * 1e-9) / 100.0);
        assertThat(cut.isCloseTo(Matrix.of(printed), 1e-9)).as("%s%nprinted as%n%s", computed, cut).isTrue();
        assertThat(computed.isCloseTo(deck(printed), EXACT)).isTrue();
    }

    @Test
    void imageAndFiltersAreTheDecks() {
        assertThat(x.image().values().stream().filter(v -> v == 1)).as("four arms of 3 and the centre").hasSize(13);
        assertThat(x.passes()).extracting(p -> p.filter().name())
                .containsExactly("falling diagonal", "cross", "rising diagonal");
        assertThat(x.passes().get(0).filter().kernel())
                .isEqualTo(Matrix.of(new int[][] {{1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}}));
    }

    @Test
    void stepMatchesTheDecksWorkedExample() {
        // Deck 001 lines the diagonal filter up with the X's own diagonal: all 9 products are 1.
        ConvolutionTrace conv = x.passes().get(0).convolution();
        ConvolutionStep aligned = conv.step(1, 1);
        assertThat(aligned.window()).isEqualTo(new Cell(1, 1));
        assertThat(aligned.products()).isEqualTo(Matrix.filled(3, 3, 1));
        assertThat(aligned.sum()).isEqualTo(9);
        assertThat(aligned.writtenSum()).isEqualTo("(1·1 + (−1)·(−1) + (−1)·(−1) + (−1)·(−1) + 1·1 + (−1)·(−1)"
                + " + (−1)·(−1) + (−1)·(−1) + 1·1) / 9 = 1");
        assertThat(conv.step(0, 0).writtenSum()).startsWith("((−1)·1 + (−1)·(−1) + ").endsWith(") / 9 = 7/9");
    }

    @Test
    void convolutionMapsAreTheDecksNinths() {
        assertDeckPrints(x.passes().get(0).convolution().output(), new double[][] {
            {0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33},
            {-0.11, 1.00, -0.11, 0.33, -0.11, 0.11, -0.11},
            {0.11, -0.11, 1.00, -0.33, 0.11, -0.11, 0.55},
            {0.33, 0.33, -0.33, 0.55, -0.33, 0.33, 0.33},
            {0.55, -0.11, 0.11, -0.33, 1.00, -0.11, 0.11},
            {-0.11, 0.11, -0.11, 0.33, -0.11, 1.00, -0.11},
            {0.33, -0.11, 0.55, 0.33, 0.11, -0.11, 0.77}
        });
        assertDeckPrints(x.passes().get(1).convolution().output(), new double[][] {
            {0.33, -0.55, 0.11, -0.11, 0.11, -0.55, 0.33},
            {-0.55, 0.55, -0.55, 0.33, -0.55, 0.55, -0.55},
            {0.11, -0.55, 0.55, -0.77, 0.55, -0.55, 0.11},
            {-0.11, 0.33, -0.77, 1.00, -0.77, 0.33, -0.11},
            {0.11, -0.55, 0.55, -0.77, 0.55, -0.55, 0.11},
            {-0.55, 0.55, -0.55, 0.33, -0.55, 0.55, -0.55},
            {0.33, -0.55, 0.11, -0.11, 0.11, -0.55, 0.33}
        });
        assertDeckPrints(x.passes().get(2).convolution().output(), new double[][] {
            {0.33, -0.11, 0.55, 0.33, 0.11, -0.11, 0.77},
            {-0.11, 0.11, -0.11, 0.33, -0.11, 1.00, -0.11},
            {0.55, -0.11, 0.11, -0.33, 1.00, -0.11, 0.11},
            {0.33, 0.33, -0.33, 0.55, -0.33, 0.33, 0.33},
            {0.11, -0.11, 1.00, -0.33, 0.11, -0.11, 0.55},
            {-0.11, 1.00, -0.11, 0.33, -0.11, 0.11, -0.11},
            {0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33}
        });
    }

    @Test
    void reluMapsAreTheDecks() {
        // The deck prints 1.77 in the bottom-right corner of the first map: an OCR slip for 0.77.
        assertDeckPrints(x.passes().get(0).relu().output(), new double[][] {
            {0.77, 0, 0.11, 0.33, 0.55, 0, 0.33},
            {0, 1.00, 0, 0.33, 0, 0.11, 0},
            {0.11, 0, 1.00, 0, 0.11, 0, 0.55},
            {0.33, 0.33, 0, 0.55, 0, 0.33, 0.33},
            {0.55, 0, 0.11, 0, 1.00, 0, 0.11},
            {0, 0.11, 0, 0.33, 0, 1.00, 0},
            {0.33, 0, 0.55, 0.33, 0.11, 0, 0.77}
        });
        assertDeckPrints(x.passes().get(1).relu().output(), new double[][] {
            {0.33, 0, 0.11, 0, 0.11, 0, 0.33},
            {0, 0.55, 0, 0.33, 0, 0.55, 0},
            {0.11, 0, 0.55, 0, 0.55, 0, 0.11},
            {0, 0.33, 0, 1.00, 0, 0.33, 0},
            {0.11, 0, 0.55, 0, 0.55, 0, 0.11},
            {0, 0.55, 0, 0.33, 0, 0.55, 0},
            {0.33, 0, 0.11, 0, 0.11, 0, 0.33}
        });
        assertDeckPrints(x.passes().get(2).relu().output(), new double[][] {
            {0.33, 0, 0.55, 0.33, 0.11, 0, 0.77},
            {0, 0.11, 0, 0.33, 0, 1.00, 0},
            {0.55, 0, 0.11, 0, 1.00, 0, 0.11},
            {0.33, 0.33, 0, 0.55, 0, 0.33, 0.33},
            {0.11, 0, 1.00, 0, 0.11, 0, 0.55},
            {0, 1.00, 0, 0.33, 0, 0.11, 0},
            {0.77, 0, 0.11, 0.33, 0.55, 0, 0.33}
        });
    }

    @Test
    void pooledMapsAreTheDecks() {
        assertDeckPrints(x.passes().get(0).pool().output(), new double[][] {
            {1.00, 0.33, 0.55, 0.33},
            {0.33, 1.00, 0.33, 0.55},
            {0.55, 0.33, 1.00, 0.11},
            {0.33, 0.55, 0.11, 0.77}
        });
        assertDeckPrints(x.passes().get(1).pool().output(), new double[][] {
            {0.55, 0.33, 0.55, 0.33},
            {0.33, 1.00, 0.55, 0.11},
            {0.55, 0.55, 0.55, 0.11},
            {0.33, 0.11, 0.11, 0.33}
        });
        assertDeckPrints(x.passes().get(2).pool().output(), new double[][] {
            {0.33, 0.55, 1.00, 0.77},
            {0.55, 0.55, 1.00, 0.33},
            {1.00, 1.00, 0.11, 0.55},
            {0.77, 0.33, 0.55, 0.33}
        });
        assertDeckPrints(x.passes().get(0).pool2().output(), new double[][] {{1.00, 0.55}, {0.55, 1.00}});
        assertDeckPrints(x.passes().get(1).pool2().output(), new double[][] {{1.00, 0.55}, {0.55, 0.55}});
        assertDeckPrints(x.passes().get(2).pool2().output(), new double[][] {{0.55, 1.00}, {1.00, 0.55}});
    }

    @Test
    void poolingKeepsTheLonelyLastRowAndColumn() {
        PoolingStep corner = x.passes().get(0).pool().step(3, 3);
        assertThat(corner.values().size()).as("only the 7×7 map's corner cell is left").isOne();
        assertThat(corner.result()).isCloseTo(7 / 9.0, within(EXACT));
        assertThat(x.passes().get(0).pool().description(corner, ValueFormat.fractionsOf(9)))
                .isEqualTo("Output row 4, column 4: the window covers row 7, column 7 (a partial window at the edge)"
                        + " and holds 7/9. The largest, 7/9, is at row 7, column 7.");
    }

    @Test
    void flattensToTwelveValues() {
        // The deck's list shows 11 of them; the three 2×2 maps above give these 12.
        double[] ninths = {9, 5, 5, 9, 9, 5, 5, 5, 5, 9, 9, 5};
        assertThat(x.vector()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(x.vector().get(i)).isCloseTo(ninths[i] / 9, within(EXACT));
        }
        assertThat(x.flatten().steps().get(4).map()).isEqualTo(1);
    }

    @Test
    void xLightsUpTheDecksPositions() {
        assertThat(XoExample.vote().litPositions("X")).containsExactly(0, 3, 4, 9, 10); // 1st, 4th, 5th, 10th, 11th
        assertThat(XoExample.vote().litPositions("O")).containsExactly(1, 2, 8, 11);
        assertThat(x.votes().get("X").sum()).as("the deck's 'sum to be 5'").isCloseTo(5, within(EXACT));
        assertThat(x.votes().get("X").score()).isCloseTo(1, within(EXACT));
        assertThat(x.votes().get("O").score()).isCloseTo(5 / 9.0, within(EXACT));
        assertThat(x.winner()).isEqualTo("X");
        assertThat(XoExample.o().winner()).isEqualTo("O");
    }

    @Test
    void deckTestVectorVotesX() {
        VoteTrace xVote = XoExample.deckTestVotes().get("X");
        assertThat(xVote.values()).containsExactly(0.9, 0.87, 0.96, 0.89, 0.94);
        assertThat(xVote.sum()).isCloseTo(4.56, within(1e-9));
        assertThat(xVote.score()).isCloseTo(0.912, within(1e-9));
        assertThat(Math.round(xVote.score() * 100) / 100.0).isEqualTo(0.91);
        assertThat(xVote.description(ValueFormat.plain()))
                .isEqualTo("X lights up values 1, 4, 5, 10 and 11; they add up to 4.56, and 4.56 / 5 = 0.912.");
        assertThat(xVote.writtenSum(ValueFormat.plain())).isEqualTo("(0.9 + 0.87 + 0.96 + 0.89 + 0.94) / 5 = 0.912");

        VoteTrace oVote = XoExample.deckTestVotes().get("O");
        assertThat(oVote.score()).isCloseTo(0.5175, within(1e-9));
        assertThat((long) (oVote.score() * 100) / 100.0).as("the deck cuts it to 0.51").isEqualTo(0.51);
        assertThat(List.copyOf(XoExample.deckTestVotes().keySet())).containsExactly("X", "O");
    }

    @Test
    void traceDescribesEveryConvolutionStepInNinths() {
        ConvolutionTrace conv = x.passes().get(0).convolution();
        assertThat(conv.steps()).hasSize(49);
        assertThat(conv.description(conv.step(0, 1), ValueFormat.fractionsOf(9))).isEqualTo("Output row 1, column 2:"
                + " the kernel covers rows 1 to 3, columns 2 to 4 of the input. The 9 products add up to −1;"
                + " divided by 9 that gives −1/9.");
        assertThat(Arrays.stream(conv.output().toArray()).flatMapToDouble(Arrays::stream))
                .allMatch(v -> Math.abs(v * 9 - Math.round(v * 9)) < 1e-9);
    }
}
