package org.convlab.cli;

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
        out.append(CliText.t("cli.xo.title", rendition.title(CliText.locale()), rendition.id(), rendition.caption(CliText.locale()))).append("\n\n");
        section(out, CliText.t("cli.xo.image"), run.image());
        int number = 1;
        for (FilterPass pass : run.passes()) {
            out.append("=== ").append(CliText.t("cli.xo.filter", number++, pass.filter().name(CliText.locale()))).append(" ===\n\n");
            section(out, CliText.t("cli.xo.kernel"), pass.filter().kernel());
            section(out, CliText.t("cli.xo.convolution"), pass.convolution().output());
            section(out, CliText.t("cli.xo.relu"), pass.relu().output());
            section(out, CliText.t("cli.xo.pool"), pass.pool().output());
            section(out, CliText.t("cli.xo.pool-again"), pass.pool2().output());
        }
        out.append(CliText.t("cli.xo.vector")).append("\n  ")
                .append(run.vector().stream().map(v -> Fractions.format(v, NINTHS)).collect(Collectors.joining("  ")))
                .append("\n\n").append(CliText.t("cli.xo.votes")).append('\n');
        run.votes().values().forEach(vote -> out.append(voteLine(vote)));
        out.append("  ").append(CliText.t("cli.xo.winner", run.winner())).append("\n\n")
                .append(CliText.t("cli.xo.deck-vector")).append("\n  ")
                .append(XoExample.DECK_TEST_VECTOR.stream().map(String::valueOf).collect(Collectors.joining("  ")))
                .append('\n');
        XoExample.deckTestVotes().values().forEach(vote -> out.append(voteLine(vote)));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Matrix matrix) {
        out.append(CliText.t("cli.xo.section", title, matrix.rows() + "x" + matrix.cols())).append('\n');
        out.append(matrix.format(v -> Fractions.format(v, NINTHS)).indent(2)).append('\n');
    }

    private static String voteLine(VoteTrace vote) {
        String positions = vote.positions().stream().map(p -> Integer.toString(p + 1)).collect(Collectors.joining(", "));
        String decimal = CliText.decimal(vote.score(), 4);
        String score = Fractions.numerator(vote.score(), NINTHS).isPresent()
                ? Fractions.format(vote.score(), NINTHS) + " = " + decimal
                : decimal;
        return "  " + CliText.t("cli.xo.vote", vote.letter(), positions, score) + '\n';
    }
}
