package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;

/**
 * Lesson 9's real network, trained while the learner watches. The training feature provides it
 * (training.ui.LiveTrainingPanels): training already builds on the lessons (the X/O network), so
 * the lessons may not depend on training, and ask for the panel through this instead.
 */
public interface LiveNetwork {

    /** A fresh panel for one page, labelled and explained with {@code words}. */
    Component panel(Words words);

    /** A lesson's words by key, with {@code {0}}, {@code {1}}… filled in (LessonText). */
    interface Words {

        String get(String key, Object... values);

        boolean has(String key);
    }
}
