package org.convlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.convlab.i18n.Text;
import org.convlab.training.engine.ProgressListener;

/**
 * Training progress on stderr: a redrawn bar on a terminal, one line per epoch otherwise (logs,
 * CI). stdout stays free for the result (and for nothing but JSON with --json).
 */
final class ProgressBar implements ProgressListener {

    private final PrintStream err;
    private final boolean terminal;
    private long lastDraw;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onStart(TrainingStart s) {
        err.println(CliText.t("cli.progress.start", s.device(), s.params(), s.trainImages(), s.validationImages(),
                CliText.t(Text.count("cli.progress.epochs", s.epochs()))));
    }

    @Override
    public void onBatch(BatchProgress p) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && p.batch() != p.batches()) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) width * p.batch() / p.batches());
        err.print("\r" + CliText.t("cli.progress.batch", p.epoch(), p.epochs(), "=".repeat(filled) + " ".repeat(width - filled),
                p.batch(), p.batches(), CliText.decimal(p.loss(), 4), CliText.decimal(p.accuracy(), 4),
                Math.round(p.imagesPerSecond()), time(p.etaSeconds())) + "   ");
        err.flush();
    }

    @Override
    public void onEpoch(EpochReport r) {
        if (terminal) {
            err.print("\r" + " ".repeat(110) + "\r");
        }
        err.println(CliText.t("cli.progress.epoch", r.epoch(), CliText.decimal(r.loss(), 4), CliText.decimal(r.accuracy(), 4),
                CliText.decimal(r.validationLoss(), 4), CliText.decimal(r.validationAccuracy(), 4),
                String.format(CliText.locale(), "%.2g", r.learningRate()), CliText.decimal(r.seconds(), 1),
                Math.round(r.imagesPerSecond())));
        err.flush();
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? CliText.t("cli.progress.minutes", String.valueOf(s / 60), String.format(Locale.ROOT, "%02d", s % 60))
                : CliText.t("cli.progress.seconds", String.valueOf(s));
    }
}
