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
    private String xTitle;
    private String yTitle;
    private Double yMin;

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

    public ChartConfig series(String label, List<? extends Number> values) {
        String colour = PALETTE.get(datasets.size() % PALETTE.size());
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", List.copyOf(values));
        dataset.put("backgroundColor", colour);
        dataset.put("borderColor", colour);
        datasets.add(dataset);
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

    Map<String, Object> toMap() {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("title", Map.of("display", yTitle != null, "text", yTitle == null ? "" : yTitle));
        if (yMin != null) {
            y.put("min", yMin);
        } else {
            y.put("beginAtZero", true);
        }
        Map<String, Object> x = Map.of("title", Map.of("display", xTitle != null, "text", xTitle == null ? "" : xTitle));
        return Map.of(
                "type", type,
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("scales", Map.of("x", x, "y", y),
                        "plugins", Map.of("legend", Map.of("position", "bottom"))));
    }
}
