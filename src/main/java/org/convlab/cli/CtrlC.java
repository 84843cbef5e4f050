package org.convlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a long piece of work that must clean up after itself (an import). Ctrl-C starts the
 * JVM's shutdown; the hook then says "stop" and holds the shutdown until the work has stopped and
 * removed what it had written (or 30 seconds have passed), so a cancelled import leaves nothing.
 */
final class CtrlC implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final AtomicBoolean pressed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "convlab-ctrl-c");

    private CtrlC() {}

    /** Starts watching for Ctrl-C until {@link #close()}. */
    static CtrlC watch() {
        CtrlC ctrlC = new CtrlC();
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    boolean pressed() {
        return pressed.get();
    }

    private void stopAndWait() {
        pressed.set(true);
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The work has stopped (and cleaned up): a shutdown under way may go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came: the hook is running and returns now that the work has finished.
        }
    }
}
