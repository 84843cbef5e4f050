package org.convlab.cli;

import java.io.PrintStream;
import java.util.Locale;
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
        err.printf(Locale.ROOT, "training on %s: %,d parameters, %,d training / %,d validation images, %d epoch(s)%n",
                s.device(), s.params(), s.trainImages(), s.validationImages(), s.epochs());
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
        err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f acc %.4f %,.0f img/s eta %s   ",
                p.epoch(), p.epochs(), "=".repeat(filled), " ".repeat(width - filled), p.batch(), p.batches(),
                p.loss(), p.accuracy(), p.imagesPerSecond(), time(p.etaSeconds()));
        err.flush();
    }

    @Override
    public void onEpoch(EpochReport r) {
        if (terminal) {
            err.print("\r" + " ".repeat(110) + "\r");
        }
        err.printf(Locale.ROOT, "epoch %d: loss %.4f acc %.4f val_loss %.4f val_acc %.4f lr %.2g %.1fs %,.0f img/s%n",
                r.epoch(), r.loss(), r.accuracy(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                r.seconds(), r.imagesPerSecond());
        err.flush();
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
