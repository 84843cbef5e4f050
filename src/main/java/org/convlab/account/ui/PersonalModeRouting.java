package org.convlab.account.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.convlab.account.AppMode;
import org.convlab.account.ClassroomOnly;
import org.springframework.stereotype.Component;

/** In personal mode, a link or bookmark to a {@link ClassroomOnly} page leads home. */
@Component
class PersonalModeRouting implements VaadinServiceInitListener {

    private final AppMode mode;

    PersonalModeRouting(AppMode mode) {
        this.mode = mode;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!mode.isPersonal()) {
            return;
        }
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget().isAnnotationPresent(ClassroomOnly.class)) {
                enter.forwardTo("");
            }
        }));
    }
}
