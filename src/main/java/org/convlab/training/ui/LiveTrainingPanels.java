package org.convlab.training.ui;

import com.vaadin.flow.component.Component;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.lesson.ui.LiveNetwork;
import org.convlab.training.queue.RunQueue;
import org.springframework.stereotype.Service;

/** Gives lesson 9 its live network: a panel per page, training as the signed-in learner (none for a guest). */
@Service
class LiveTrainingPanels implements LiveNetwork {

    private final RunQueue queue;
    private final CurrentUser current;

    LiveTrainingPanels(RunQueue queue, CurrentUser current) {
        this.queue = queue;
        this.current = current;
    }

    @Override
    public Component panel(Words words) {
        return new LiveTraining(queue, current.get().map(AppUser::getId), words);
    }
}
