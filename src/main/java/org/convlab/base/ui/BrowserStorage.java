package org.convlab.base.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Values this browser keeps in its localStorage, handled from the server. */
public final class BrowserStorage {

    private static final Logger log = LoggerFactory.getLogger(BrowserStorage.class);

    private BrowserStorage() {}

    /**
     * Hands the value stored under {@code key} to {@code use} once the browser answers, and makes the
     * browser forget it only when {@code use} returns true. If {@code use} fails, the value stays in
     * the browser for the next try (and the failure is logged, not shown). Nothing happens when the
     * browser has no value under the key.
     */
    public static void take(Component anyComponent, String key, Predicate<String> use) {
        anyComponent.getElement().executeJs("return localStorage.getItem($0) || ''", key).then(String.class, value -> {
            if (value == null || value.isBlank()) {
                return;
            }
            boolean used;
            try {
                used = use.test(value);
            } catch (RuntimeException e) {
                log.warn("Could not use the browser's {}: {}", key, e.toString());
                used = false;
            }
            if (used) {
                anyComponent.getElement().executeJs("localStorage.removeItem($0)", key);
            }
        });
    }
}
