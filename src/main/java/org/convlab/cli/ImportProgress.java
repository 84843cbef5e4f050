package org.convlab.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.convlab.dataset.ImageFolderImport;

/**
 * An import's progress on stderr, in {@link ProgressBar}'s style: a redrawn bar on a terminal, a
 * line at each tenth otherwise (logs, CI). It also carries the answer to "stop?", which Ctrl-C gives.
 */
final class ImportProgress implements ImageFolderImport.Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final BooleanSupplier stop;
    private long lastDraw;
    private int lastTenth;
    private boolean drawn;

    ImportProgress(PrintStream err, boolean terminal, BooleanSupplier stop) {
        this.err = err;
        this.terminal = terminal;
        this.stop = stop;
    }

    @Override
    public void update(int done, int total) {
        if (total <= 0) {
            return;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done != total) {
                return;
            }
            lastDraw = now;
            drawn = true;
            int filled = (int) ((long) WIDTH * done / total);
            err.print("\r" + CliText.t("cli.import.progress", "=".repeat(filled) + " ".repeat(WIDTH - filled), done, total)
                    + "   ");
        } else {
            int tenth = (int) (10L * done / total);
            if (tenth == lastTenth) {
                return;
            }
            lastTenth = tenth;
            err.println(CliText.t("cli.import.progress-line", done, total));
        }
        err.flush();
    }

    @Override
    public boolean cancelled() {
        return stop.getAsBoolean();
    }

    /** Clears the bar, so what follows starts on a clean line. */
    void finish() {
        if (terminal && drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
