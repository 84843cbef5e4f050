package org.convlab.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.convlab.training.engine.RunState;
import org.convlab.training.queue.LiveRun;

/**
 * How a page follows a run: every change the run reports, and, while it waits, a redraw every few
 * seconds, because a waiting run may not change for a while but the queue ahead of it does.
 */
final class RunFollowing {

    private RunFollowing() {}

    /** Starts following; the returned action stops it (and the page's polling). */
    static Runnable follow(UI ui, LiveRun run, Consumer<LiveRun> changed, Runnable whileWaiting, int pollMillis) {
        Runnable unsubscribed = run.subscribe(changed::accept);
        Registration poll = ui.addPollListener(e -> {
            if (run.state() == RunState.QUEUED) {
                whileWaiting.run();
            }
        });
        ui.setPollInterval(pollMillis);
        return () -> {
            unsubscribed.run();
            poll.remove();
            ui.setPollInterval(-1);
        };
    }
}
