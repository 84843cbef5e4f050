package org.convlab.base.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Chart.js configurations ConvLab uses. Colours come from the Okabe–Ito palette, which
 * stays distinguishable for the common forms of colour blindness.
 */
public final class ChartConfig {

    public static final List<String> PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

    private final String type;
    private final List<String> labels;
    private final List<Map<String, Object>> datasets = new ArrayList<>();
    private boolean linearX;
    private String xTitle;
    private String yTitle;
    private Double yMin;
    private String rightTitle;

    private ChartConfig(String type, List<String> labels) {
        this.type = type;
        this.labels = List.copyOf(labels);
    }

    public static ChartConfig bar(List<String> labels) {
        return new ChartConfig("bar", labels);
    }

    public static ChartConfig line(List<String> labels) {
        return new ChartConfig("line", labels);
    }

    /** A line chart over a numeric x axis (epochs, say), its series given as (x, y) points. */
    public static ChartConfig xyLine() {
        ChartConfig config = new ChartConfig("line", List.of());
        config.linearX = true;
        return config;
    }

    /** Adds (x, y) points; {@code markers} draws a dot per point (for per-epoch values). */
    public ChartConfig points(String label, List<double[]> xy, boolean markers) {
        List<Map<String, Double>> data = new ArrayList<>();
        for (double[] p : xy) {
            data.add(Map.of("x", p[0], "y", Double.isFinite(p[1]) ? p[1] : 0));
        }
        series(label, List.of());
        Map<String, Object> dataset = datasets.getLast();
        dataset.put("data", data);
        dataset.put("pointRadius", markers ? 3 : 0);
        dataset.put("borderWidth", 2);
        dataset.put("tension", 0.2);
        return this;
    }

    /**
     * Adds (x, y) points measured on a second y axis at the right, titled {@code title} (a learning
     * rate beside a loss, say), drawn dashed so the two read apart.
     */
    public ChartConfig pointsOnRight(String title, String label, List<double[]> xy, boolean markers) {
        points(label, xy, markers);
        Map<String, Object> dataset = datasets.getLast();
        dataset.put("yAxisID", "right");
        dataset.put("borderDash", List.of(6, 4));
        dataset.put("tension", 0);
        rightTitle = title;
        return this;
    }

    /** The title of the right-hand axis, or null when the chart has none. */
    public String rightAxisTitle() {
        return rightTitle;
    }

    public ChartConfig series(String label, List<? extends Number> values) {
        String colour = PALETTE.get(datasets.size() % PALETTE.size());
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", new ArrayList<>(values));
        dataset.put("backgroundColor", colour);
        dataset.put("borderColor", colour);
        datasets.add(dataset);
        return this;
    }

    /** Gives the last series its own colour (red, green and blue channels drawn as such, say). */
    public ChartConfig colour(String colour) {
        datasets.getLast().put("backgroundColor", colour);
        datasets.getLast().put("borderColor", colour);
        return this;
    }

    public ChartConfig axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return this;
    }

    public ChartConfig yMin(double yMin) {
        this.yMin = yMin;
        return this;
    }

    public String type() {
        return type;
    }

    public List<String> labels() {
        return labels;
    }

    public List<String> seriesNames() {
        return datasets.stream().map(d -> (String) d.get("label")).toList();
    }

    /** The values of the series at {@code index}, in label order. */
    @SuppressWarnings("unchecked")
    public List<Number> seriesValues(int index) {
        return (List<Number>) datasets.get(index).get("data");
    }

    /** How many points or values the series at {@code index} has. */
    public int seriesSize(int index) {
        return ((List<?>) datasets.get(index).get("data")).size();
    }

    Map<String, Object> toMap() {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("title", Map.of("display", yTitle != null, "text", yTitle == null ? "" : yTitle));
        if (yMin != null) {
            y.put("min", yMin);
        } else {
            y.put("beginAtZero", true);
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("title", Map.of("display", xTitle != null, "text", xTitle == null ? "" : xTitle));
        if (linearX) {
            x.put("type", "linear");
            x.put("min", 0);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (rightTitle == null) {
            options.put("scales", Map.of("x", x, "y", y));
        } else {
            Map<String, Object> right = new LinkedHashMap<>();
            right.put("position", "right");
            right.put("beginAtZero", true);
            right.put("title", Map.of("display", true, "text", rightTitle));
            right.put("grid", Map.of("drawOnChartArea", false));
            options.put("scales", Map.of("x", x, "y", y, "right", right));
        }
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));
        if (linearX) {
            // Live charts update many times a second; animating each update would only blur them.
            options.put("animation", false);
        }
        return Map.of(
                "type", type,
                "data", linearX ? Map.of("datasets", datasets) : Map.of("labels", labels, "datasets", datasets),
                "options", options);
    }
}
