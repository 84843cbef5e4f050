package org.convlab.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.convlab.lesson.Fractions;
import org.convlab.lesson.Matrix;
import org.convlab.lesson.xo.FilterPass;
import org.convlab.lesson.xo.Rendition;
import org.convlab.lesson.xo.VoteTrace;
import org.convlab.lesson.xo.XoExample;
import org.convlab.lesson.xo.XoRun;

/** The readable form of {@code lesson xo}: every matrix in ninths, plain ASCII for any terminal. */
final class XoReport {

    private static final int NINTHS = 9;

    private XoReport() {}

    static String of(Rendition rendition, XoRun run) {
        StringBuilder out = new StringBuilder();
        out.append("X/O network on '").append(rendition.title()).append("' (--image ").append(rendition.id())
                .append("): ").append(rendition.caption()).append("\n\n");
        section(out, "Image (1 = ink, -1 = background)", run.image());
        int number = 1;
        for (FilterPass pass : run.passes()) {
            out.append("=== Filter ").append(number++).append(": ").append(pass.filter().name()).append(" ===\n\n");
            section(out, "Kernel", pass.filter().kernel());
            section(out, "Convolution, each sum divided by 9", pass.convolution().output());
            section(out, "ReLU (negatives become 0)", pass.relu().output());
            section(out, "Max pooling 2x2, stride 2, partial edge windows kept", pass.pool().output());
            section(out, "Max pooling again", pass.pool2().output());
        }
        out.append("Vector (the three 2x2 maps, one after another):\n  ")
                .append(run.vector().stream().map(v -> Fractions.format(v, NINTHS)).collect(Collectors.joining("  ")))
                .append("\n\nVotes (mean of the values each letter lights up):\n");
        run.votes().values().forEach(vote -> out.append(voteLine(vote)));
        out.append("  Winner: ").append(run.winner()).append("\n\nDeck 001's test vector:\n  ")
                .append(XoExample.DECK_TEST_VECTOR.stream().map(String::valueOf).collect(Collectors.joining("  ")))
                .append('\n');
        XoExample.deckTestVotes().values().forEach(vote -> out.append(voteLine(vote)));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Matrix matrix) {
        out.append(title).append(" (").append(matrix.rows()).append('x').append(matrix.cols()).append("):\n");
        out.append(matrix.format(v -> Fractions.format(v, NINTHS)).indent(2)).append('\n');
    }

    private static String voteLine(VoteTrace vote) {
        String positions = vote.positions().stream().map(p -> Integer.toString(p + 1)).collect(Collectors.joining(", "));
        String decimal = String.format(Locale.ROOT, "%.4f", vote.score());
        String score = Fractions.numerator(vote.score(), NINTHS).isPresent()
                ? Fractions.format(vote.score(), NINTHS) + " = " + decimal
                : decimal;
        return "  " + vote.letter() + ": positions " + positions + " -> " + score + '\n';
    }
}
