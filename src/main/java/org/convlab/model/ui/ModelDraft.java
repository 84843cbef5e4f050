package org.convlab.model.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.convlab.model.ModelSpec;

/**
 * The model a learner is building, kept in their browser session so it survives leaving the
 * builder, and so the training page can train exactly what the builder shows.
 */
public final class ModelDraft {

    private static final String KEY = "convlab.modelDraft";

    private ModelDraft() {}

    public static Optional<ModelSpec> current() {
        return Optional.ofNullable((ModelSpec) VaadinSession.getCurrent().getAttribute(KEY));
    }

    public static void save(ModelSpec spec) {
        VaadinSession.getCurrent().setAttribute(KEY, spec);
    }
}
