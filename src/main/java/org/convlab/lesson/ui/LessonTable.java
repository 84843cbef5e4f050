package org.convlab.lesson.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A plain HTML table of text, for the small tables of numbers in the lessons; a row whose first
 * cell is a label gets a row header, so screen readers announce it with every value.
 */
@Tag("table")
final class LessonTable extends Component {

    private final Element body = new Element("tbody");

    LessonTable(String caption, List<String> headers) {
        getElement().getClassList().add("lesson-table");
        Element captionElement = new Element("caption");
        captionElement.setText(caption);
        captionElement.getClassList().add("sr-only");
        Element head = new Element("tr");
        headers.forEach(h -> head.appendChild(cell("th", h).setAttribute("scope", "col")));
        getElement().appendChild(captionElement, new Element("thead").appendChild(head), body);
    }

    /** The first value becomes the row header; values that look like numbers are right-aligned. */
    LessonTable row(List<String> values) {
        Element row = new Element("tr");
        for (int i = 0; i < values.size(); i++) {
            Element cell = i == 0 ? cell("th", values.get(i)).setAttribute("scope", "row") : cell("td", values.get(i));
            if (i > 0 && values.get(i).matches("[−\\-]?[\\d,.]+(/\\d+)?( ≈ [−\\-]?[\\d.,]+)?")) {
                cell.getClassList().add("number");
            }
            row.appendChild(cell);
        }
        body.appendChild(row);
        return this;
    }

    private static Element cell(String tag, String text) {
        Element cell = new Element(tag);
        cell.setText(text);
        return cell;
    }

    /** Every body row's texts, for tests. */
    List<List<String>> rows() {
        return body.getChildren().map(tr -> tr.getChildren().map(Element::getText).toList()).toList();
    }
}
