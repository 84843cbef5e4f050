package org.convlab.training.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convlab.base.ui.I18n;
import org.convlab.base.ui.PixelImage;
import org.convlab.training.engine.NetworkExplainer.LayerOutput;
import org.convlab.training.engine.NetworkExplainer.Overview;

/**
 * Every layer's output for one image, side by side: one column per layer (its name, shape and
 * parameter count on top), one small picture per feature map, a strip for a flat layer and the
 * class probabilities at the end, the prediction marked. Choosing a map draws lines to the maps
 * that feed it and to those it feeds; hovering or focusing a map enlarges it.
 *
 * <p>Laid out with fixed sizes so the lines (one SVG behind the maps) meet the maps exactly; a map
 * is a button for the mouse and the keyboard. Colours are per layer, black for its smallest value
 * and white for its largest, so the maps of one layer compare.
 */
final class NetworkDiagram extends Div {

    /**
     * The keydown filter of anything clickable that is not a button: Enter or Space activates it, as
     * a button would (a JavaScript expression over the event).
     */
    static final String ENTER_OR_SPACE = "(key => key === 'Enter' || key === ' ')(event.key)";

    /** A map's side in pixels, its gap, the space between columns (for the lines), and the header. */
    static final int MAP = 34;
    static final int GAP = 4;
    static final int COLUMN_GAP = 44;
    static final int HEADER = 62;
    /** Maps per column before they wrap into more rows side by side. */
    static final int ROWS = 8;
    static final int STRIP_HEIGHT = ROWS * (MAP + GAP) - GAP;
    static final int CLASS_ROW = 24;

    /** Where something sits in the diagram, in pixels. */
    record Place(int x, int y, int width, int height) {
        int middleY() {
            return y + height / 2;
        }
    }

    interface Chooser {
        /** A map (or unit of a flat layer: {@code channel}) was chosen; {@code unit} ≥ 0 for a flat layer. */
        void chosen(int layer, int channel);
    }

    private final Overview overview;
    private final Map<String, Place> places = new HashMap<>();
    private final Map<Integer, Integer> columnX = new HashMap<>();
    private final Div canvas = new Div();
    private Html lines;
    private final Chooser chooser;

    NetworkDiagram(Overview overview, Chooser chooser) {
        this.overview = overview;
        this.chooser = chooser;
        addClassName("network-diagram-scroller");
        canvas.addClassName("network-diagram");
        add(canvas);
        int x = 0;
        int height = HEADER + STRIP_HEIGHT;
        for (LayerOutput layer : overview.layers()) {
            columnX.put(layer.layer(), x);
            int width;
            if (isClassOutput(layer)) {
                width = classes(layer, x);
                height = Math.max(height, HEADER + layer.channels() * CLASS_ROW);
            } else if (layer.flat()) {
                width = strip(layer, x);
            } else {
                width = maps(layer, x);
            }
            width = Math.max(width, 92);
            canvas.add(header(layer, x, width));
            x += width + COLUMN_GAP;
        }
        canvas.getStyle().set("width", (x - COLUMN_GAP) + "px").set("height", (height + 8) + "px");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", t("run.diagram.label"));
    }

    Place place(int layer, int channel) {
        return places.get(layer + "/" + channel);
    }

    boolean isClassOutput(LayerOutput layer) {
        return layer.layer() == overview.layers().size() - 1 && layer.flat()
                && layer.channels() == overview.classNames().size();
    }

    /** Draws the lines into and out of the chosen map (or unit), and marks it. */
    void highlight(int layer, int channel) {
        canvas.getElement().getChildren().filter(e -> e.hasAttribute("data-chosen")).forEach(e -> {
            e.removeAttribute("data-chosen");
            e.setAttribute("aria-pressed", "false");
        });
        Place chosen = placeOrStrip(layer, channel);
        StringBuilder svg = new StringBuilder("<svg class=\"network-lines\" aria-hidden=\"true\" width=\"")
                .append(canvas.getStyle().get("width").replace("px", "")).append("\" height=\"")
                .append(canvas.getStyle().get("height").replace("px", "")).append("\">");
        if (layer > 0) {
            LayerOutput self = overview.layers().get(layer);
            for (Place source : feeding(layer - 1, self.mixesChannels(), channel)) {
                line(svg, source, chosen, "line-in");
            }
        }
        if (layer + 1 < overview.layers().size()) {
            LayerOutput next = overview.layers().get(layer + 1);
            for (Place target : feeding(layer + 1, next.mixesChannels(), channel)) {
                line(svg, chosen, target, "line-out");
            }
        }
        svg.append("</svg>");
        if (lines != null) {
            canvas.remove(lines);
        }
        lines = new Html(svg.toString());
        canvas.addComponentAsFirst(lines);
        canvas.getElement().getChildren().filter(e -> (layer + "/" + channel).equals(e.getAttribute("data-key"))
                        || (layer + "/strip").equals(e.getAttribute("data-key")))
                .forEach(e -> {
                    e.setAttribute("data-chosen", "");
                    e.setAttribute("aria-pressed", "true");
                });
    }

    /** The maps of {@code layer} connected to map {@code channel} of its neighbour: all of them, or the same one. */
    private List<Place> feeding(int layer, boolean all, int channel) {
        LayerOutput l = overview.layers().get(layer);
        if (l.flat() && !isClassOutput(l)) {
            return List.of(places.get(layer + "/strip"));
        }
        if (all) {
            return java.util.stream.IntStream.range(0, l.channels()).mapToObj(c -> place(layer, c)).toList();
        }
        Place same = place(layer, channel);
        return same == null ? List.of() : List.of(same);
    }

    private Place placeOrStrip(int layer, int channel) {
        Place p = place(layer, channel);
        return p != null ? p : places.get(layer + "/strip");
    }

    private static void line(StringBuilder svg, Place from, Place to, String kind) {
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", kind,
                from.x() + from.width(), from.middleY(), to.x(), to.middleY()));
    }

    private int maps(LayerOutput layer, int x) {
        int perRow = (layer.channels() + ROWS - 1) / ROWS;
        int plane = layer.height() * layer.width();
        float[] range = range(layer.values());
        for (int c = 0; c < layer.channels(); c++) {
            int px = x + (c / ROWS) * (MAP + GAP);
            int py = HEADER + (c % ROWS) * (MAP + GAP);
            Place place = new Place(px, py, MAP, MAP);
            places.put(layer.layer() + "/" + c, place);
            boolean colour = layer.layer() == 0 && layer.channels() == 3;
            String label = colour ? FiltersPanel.colour(c, "input-channel")
                    : layer.layer() == 0 ? t("run.diagram.input-image")
                    : t("run.diagram.map", layer.layer(), layer.name(), c + 1, layer.channels());
            // A colour image's three planes are drawn in their own colour: black to red, to green, to blue.
            String png = colour ? tinted(layer.values(), c * plane, plane, layer.height(), layer.width(), range, c)
                    : gray(layer.values(), c * plane, plane, layer.height(), layer.width(), range);
            Element img = picture(png, label, place);
            img.setAttribute("data-key", layer.layer() + "/" + c);
            int channel = c;
            button(img, () -> chooser.chosen(layer.layer(), channel));
            canvas.getElement().appendChild(img);
        }
        return perRow * (MAP + GAP) - GAP;
    }

    private int strip(LayerOutput layer, int x) {
        Place place = new Place(x + 30, HEADER, 18, STRIP_HEIGHT);
        places.put(layer.layer() + "/strip", place);
        float[] range = range(layer.values());
        Element img = picture(gray(layer.values(), 0, layer.channels(), layer.channels(), 1, range),
                t("run.diagram.strip", layer.layer(), layer.name(), (long) layer.channels()), place);
        img.setAttribute("data-key", layer.layer() + "/strip");
        img.getClassList().add("network-strip");
        // A click picks the unit under the pointer; the keyboard opens the layer to pick one by number.
        img.addEventListener("click", e -> {
            double y = e.getEventData().get("event.offsetY").asDouble();
            int unit = (int) Math.min(layer.channels() - 1, Math.max(0, Math.floor(y / STRIP_HEIGHT * layer.channels())));
            chooser.chosen(layer.layer(), unit);
        }).addEventData("event.offsetY");
        img.setAttribute("tabindex", "0");
        img.setAttribute("role", "button");
        img.addEventListener("keydown", e -> chooser.chosen(layer.layer(), 0))
                .setFilter(ENTER_OR_SPACE).preventDefault();
        canvas.getElement().appendChild(img);
        return 78;
    }

    private int classes(LayerOutput layer, int x) {
        for (int k = 0; k < layer.channels(); k++) {
            Place place = new Place(x, HEADER + k * CLASS_ROW, 200, CLASS_ROW - 4);
            places.put(layer.layer() + "/" + k, place);
            float p = overview.probabilities()[k];
            Span name = new Span(overview.classNames().get(k));
            name.addClassName("class-name");
            Span bar = new Span();
            bar.addClassName("class-bar");
            bar.getStyle().set("width", Math.round(p * 70) + "px");
            Span percent = new Span(I18n.percent(p, 1));
            percent.addClassName("class-percent");
            Div row = new Div(name, bar, percent);
            row.addClassName("network-class");
            if (k == overview.predicted()) {
                row.addClassName("predicted");
            }
            position(row.getElement(), place);
            row.getElement().setAttribute("data-key", layer.layer() + "/" + k);
            row.getElement().setAttribute("aria-label", t(k == overview.predicted() ? "run.diagram.class-predicted"
                    : "run.diagram.class", overview.classNames().get(k), I18n.percent(p, 1)));
            int unit = k;
            button(row.getElement(), () -> chooser.chosen(layer.layer(), unit));
            canvas.add(row);
        }
        return 200;
    }

    private Div header(LayerOutput layer, int x, int width) {
        Span title = new Span(layer.layer() == 0 ? t("run.diagram.input") : layer.layer() + " · " + layer.name());
        title.addClassName("network-layer-name");
        String shape = layer.flat() ? I18n.count("run.diagram.values", layer.channels())
                : layer.channels() + "×" + layer.height() + "×" + layer.width();
        Span details = new Span(shape);
        Span params = new Span(layer.layer() == 0 ? "" : I18n.count("run.diagram.params", layer.params()));
        Div header = new Div(title, details, params);
        header.addClassName("network-layer-header");
        position(header.getElement(), new Place(x, 0, width, HEADER - 6));
        header.getElement().setAttribute("title", layer.kind() + (layer.activation() == null ? "" : ", " + layer.activation()));
        return header;
    }

    private static Element picture(String dataUrl, String label, Place place) {
        Element img = new Element("img");
        img.setAttribute("src", dataUrl);
        img.setAttribute("alt", label);
        img.setAttribute("title", label);
        img.getClassList().add("network-map");
        position(img, place);
        return img;
    }

    private static void button(Element element, Runnable action) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "button");
        element.addEventListener("click", e -> action.run());
        element.addEventListener("keydown", e -> action.run())
                .setFilter(ENTER_OR_SPACE).preventDefault();
    }

    private static void position(Element element, Place place) {
        element.getStyle().set("left", place.x() + "px").set("top", place.y() + "px")
                .set("width", place.width() + "px").set("height", place.height() + "px");
    }

    private static float[] range(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max};
    }

    /** Like {@link #gray}, from black to pure red ({@code channel} 0), green (1) or blue (2). */
    static String tinted(float[] values, int from, int count, int rows, int cols, float[] range, int channel) {
        float span = range[1] - range[0] == 0 ? 1 : range[1] - range[0];
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            int v = Math.clamp(Math.round((values[from + i] - range[0]) / span * 255), 0, 255);
            image.setRGB(i % cols, i / cols, v << (8 * (2 - channel)));
        }
        return PixelImage.dataUrl(image);
    }

    /** Values {@code from}..{@code from+count} as a grayscale PNG, black at the layer's minimum, white at its maximum. */
    static String gray(float[] values, int from, int count, int rows, int cols, float[] range) {
        float span = range[1] - range[0] == 0 ? 1 : range[1] - range[0];
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < count; i++) {
            int v = Math.round((values[from + i] - range[0]) / span * 255);
            image.getRaster().setSample(i % cols, i / cols, 0, v);
        }
        return PixelImage.dataUrl(image);
    }
}
