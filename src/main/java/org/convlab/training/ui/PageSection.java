package org.convlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** A titled block of a page: a heading, a sentence on what it shows a learner, then the content. */
final class PageSection extends Section {

    PageSection(String title, String explanation, Component... content) {
        addClassName("data-section");
        add(new H2(title));
        if (explanation != null) {
            Paragraph text = new Paragraph(explanation);
            text.addClassName("explanation");
            add(text);
        }
        add(content);
    }
}
