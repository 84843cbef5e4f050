package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import org.convlab.base.ui.I18n;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.util.Arrays;
import java.util.List;
import org.convlab.dataset.LabeledImages;
import org.convlab.training.engine.StratifiedSplit;

/**
 * The training/validation split a run will use, class by class, beside what a plain random split
 * of the same size and seed would hold out: the stratified split gives every class its share, the
 * random one does not (issue 16, point 4). Only labels are read, so it follows every setting at once.
 */
final class SplitPreview extends Div {

    /** One class's counts: in the chosen images, and held out by each kind of split. */
    record ClassRow(String name, int images, int train, int validation, int randomValidation) {}

    private final LabeledImages images;
    private final List<String> classNames;
    private final Paragraph summary = new Paragraph();
    private final SplitTable table = new SplitTable();
    private List<ClassRow> rows = List.of();

    SplitPreview(LabeledImages images, List<String> classNames) {
        this.images = images;
        this.classNames = List.copyOf(classNames);
        addClassName("split-preview");
        summary.addClassName("explanation");
        add(summary, table);
    }

    /** Shows the split of the first {@code limit} images (null: all) holding out {@code share}. */
    void show(Integer limit, double share, long seed) {
        int n = limit == null || limit <= 0 ? images.size() : Math.min(limit, images.size());
        if (!(share > 0 && share < 1)) {
            rows = List.of();
            // Start says what is wrong with an impossible share; here it only must not pretend to split.
            summary.setText(share == 0 ? t("training.split.none-held-out", n)
                    : t("training.split.choose-share", I18n.decimalUpTo(0.5, 1)));
            table.setVisible(false);
            return;
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, images::label);
        int classes = classNames.size();
        StratifiedSplit.Indices stratified = StratifiedSplit.indices(labels, classes, share, seed);
        StratifiedSplit.Indices random = StratifiedSplit.random(labels, share, seed);
        int[] all = StratifiedSplit.countPerClass(labels, allOf(n), classes);
        int[] train = StratifiedSplit.countPerClass(labels, stratified.train(), classes);
        int[] held = StratifiedSplit.countPerClass(labels, stratified.validation(), classes);
        int[] randomHeld = StratifiedSplit.countPerClass(labels, random.validation(), classes);
        rows = java.util.stream.IntStream.range(0, classes)
                .mapToObj(c -> new ClassRow(classNames.get(c), all[c], train[c], held[c], randomHeld[c])).toList();

        summary.setText(t("training.split.summary", String.valueOf(seed), percent(share), stratified.validation().length,
                n, min(randomHeld), max(randomHeld), unevenness(all, randomHeld, share)));
        table.show(rows);
        table.setVisible(true);
    }

    List<ClassRow> rows() {
        return rows;
    }

    String summary() {
        return summary.getText();
    }

    private static String unevenness(int[] all, int[] randomHeld, double share) {
        int worst = 0;
        for (int c = 0; c < all.length; c++) {
            worst = Math.max(worst, (int) Math.round(Math.abs(randomHeld[c] - all[c] * share)));
        }
        return worst <= 1 ? t("training.split.even") : I18n.count("training.split.uneven", worst);
    }

    private static String percent(double share) {
        double p = share * 100;
        return I18n.percent(share, p == Math.rint(p) ? 0 : 1);
    }

    private static int[] allOf(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    private static int min(int[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** A plain HTML table with a caption and row headers, so screen readers announce each count's class. */
    @Tag("table")
    static final class SplitTable extends com.vaadin.flow.component.Component {

        private final Element body = new Element("tbody");

        SplitTable() {
            // The lessons' table style (styles.css .lesson-table); only its caption is its own.
            getElement().getClassList().addAll(java.util.List.of("lesson-table", "split-table"));
            Element caption = new Element("caption");
            caption.setText(t("training.split.caption"));
            Element head = new Element("tr");
            for (String header : List.of("training.split.class", "training.split.images", "training.split.training",
                    "training.split.stratified", "training.split.random")) {
                head.appendChild(cell("th", t(header)).setAttribute("scope", "col"));
            }
            getElement().appendChild(caption, new Element("thead").appendChild(head), body);
        }

        void show(List<ClassRow> rows) {
            body.removeAllChildren();
            for (ClassRow row : rows) {
                Element tr = new Element("tr");
                tr.appendChild(cell("th", row.name()).setAttribute("scope", "row"));
                for (int value : new int[] {row.images(), row.train(), row.validation(), row.randomValidation()}) {
                    Element td = cell("td", I18n.integer(value));
                    td.getClassList().add("number");
                    tr.appendChild(td);
                }
                body.appendChild(tr);
            }
        }

        private static Element cell(String tag, String text) {
            Element cell = new Element(tag);
            cell.setText(text);
            return cell;
        }
    }
}
