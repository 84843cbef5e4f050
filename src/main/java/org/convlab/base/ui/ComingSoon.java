package org.convlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** What a section that is not built yet will hold, so a learner knows what to expect. */
public final class ComingSoon extends Div {

    public ComingSoon(String title, String summary, String... plans) {
        addClassNames("page", "coming-soon");
        UnorderedList list = new UnorderedList();
        for (String plan : plans) {
            list.add(new ListItem(plan));
        }
        Paragraph note = new Paragraph("This section is being built. Here is what is coming:");
        note.addClassName("muted");
        add(new H1(title), new Paragraph(summary), note, list);
    }
}
