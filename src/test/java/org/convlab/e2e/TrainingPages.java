package org.convlab.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.function.UnaryOperator;

/** Steps on the training pages that several browser tests share. */
final class TrainingPages {

    private TrainingPages() {}

    /** Chooses a preset and a quick subset on the Train page and presses Start; returns on the dashboard. */
    static void startRun(Page page, String preset, int epochs) {
        startRun(page, RunningApp.get()::url, preset, epochs);
    }

    /** The same on the app whose pages {@code url} names. */
    static void startRun(Page page, UnaryOperator<String> url, String preset, int epochs) {
        page.navigate(url.apply("train"));
        page.waitForSelector(".hyperparameter-form");
        // By its label: the data set picker comes first on the page.
        page.locator(".model-choice vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(preset).setExact(true)).click();
        page.getByLabel("Epochs", new Page.GetByLabelOptions().setExact(true)).fill(String.valueOf(epochs));
        // By its label: the size it starts with depends on this server's speed.
        page.locator("vaadin-select", new Page.LocatorOptions().setHasText("Training images")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("first 5,000 (quick)")).click();
        page.getByText("Start training").click();
        page.waitForURL("**/train/live/**");
    }

    /** Trains a quick one-epoch model and waits until it is saved. */
    static void trainQuickModel(Page page) {
        trainQuickModel(page, RunningApp.get()::url);
    }

    static void trainQuickModel(Page page, UnaryOperator<String> url) {
        startRun(page, url, "dense", 1);
        page.waitForSelector(".run-state[data-state='DONE']", new Page.WaitForSelectorOptions().setTimeout(120_000));
    }
}
