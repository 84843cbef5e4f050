package org.convlab.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.convlab.base.ui.I18n;
import org.convlab.i18n.TextException;
import org.convlab.training.engine.RunProblems;

/**
 * Brings the result of background work (on the training worker) back to a page: the page is
 * changed under the session lock with {@link UI#access} and push sends the change, so the page never
 * waits on the engine and never freezes.
 */
final class UiUpdates {

    private UiUpdates() {}

    /**
     * Calls {@code done} or {@code failed} (with a readable message) on {@code ui} once {@code work}
     * ends. The returned future completes when that call has changed the page.
     */
    static <T> CompletableFuture<Void> whenDone(UI ui, CompletableFuture<T> work, Consumer<T> done,
            Consumer<String> failed) {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        work.whenComplete((value, error) -> {
            try {
                ui.access(() -> {
                    try {
                        if (error == null) {
                            done.accept(value);
                        } else {
                            failed.accept(message(error));
                        }
                        shown.complete(null);
                    } catch (RuntimeException e) {
                        shown.completeExceptionally(e);
                        throw e;
                    }
                });
            } catch (UIDetachedException e) {
                // The learner left the page; nobody is waiting for this result.
                shown.cancel(false);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        return shown;
    }

    /**
     * One line for a learner: never "null", never a server path (RunProblems); a refusal with its
     * own words ({@link TextException}) in the page's language.
     */
    static String message(Throwable error) {
        return org.convlab.base.ui.I18n.t(RunProblems.text(error));
    }
}
