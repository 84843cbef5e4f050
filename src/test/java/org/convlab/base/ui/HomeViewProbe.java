package org.convlab.base.ui;

import com.vaadin.browserless.BaseBrowserlessTest;

/** Lets tests in other packages navigate to the package-private home view. */
public final class HomeViewProbe {

    private HomeViewProbe() {}

    public static void open(BaseBrowserlessTest test) {
        test.navigate(HomeView.class);
    }
}
